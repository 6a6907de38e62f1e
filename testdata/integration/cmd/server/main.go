// Command server runs a few of the integration packages side by side. It
// exists so that the module has a main package that links them all.
package main

import (
	"log"
	"net"
	"net/http"
	"os"

	"github.com/authchallenge/authchallenge/testdata/integration/chiapp"
	"github.com/authchallenge/authchallenge/testdata/integration/echoapp"
	"github.com/authchallenge/authchallenge/testdata/integration/ginapp"
	"github.com/authchallenge/authchallenge/testdata/integration/grpcapp"
	"github.com/authchallenge/authchallenge/testdata/integration/nethttp"
	"github.com/justinas/alice"
	"google.golang.org/grpc"
)

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func main() {
	store := nethttp.TokenStore{"dev-token": {"read", "admin"}}
	ops := map[string]string{"ops": env("OPS_PASSWORD", "change-me")}

	mux := http.NewServeMux()
	mux.Handle("/", nethttp.Routes(store))
	tenants := chiapp.Router(chiapp.Tenants{"acme": "acme-token"}, ops)
	mux.Handle("/t/", tenants)
	mux.Handle("/ops/", tenants)
	mux.Handle("/gin/", http.StripPrefix("/gin", ginapp.Router(ginapp.Sessions{"s1": "alice"}, ops)))
	partner := &echoapp.BearerProvider{Realm: "feed", Tokens: map[string]string{"feed-token": "bob"}}
	mux.Handle("/echo/", http.StripPrefix("/echo", echoapp.New(echoapp.Keys{"k1": "ops"}, partner, ops)))

	secure := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Content-Type-Options", "nosniff")
			next.ServeHTTP(w, r)
		})
	}

	auth := &grpcapp.Authenticator{
		Tokens: map[string][2]string{"svc-token": {"billing", "reader"}},
		Roles:  map[string]string{"/billing.Billing/Refund": "admin"},
	}
	gs := grpc.NewServer(auth.ServerOptions()...)
	lis, err := net.Listen("tcp", env("GRPC_ADDR", "127.0.0.1:9090"))
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		if err := gs.Serve(lis); err != nil {
			log.Print(err)
		}
	}()

	addr := env("HTTP_ADDR", "127.0.0.1:8080")
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, alice.New(secure).Then(mux)))
}
