package nethttp

import (
	"log"
	"net/http"
	"time"

	"github.com/justinas/alice"
)

// logRequests logs method, path and duration of every request.
func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Printf("%s %s %s", r.Method, r.URL.Path, time.Since(start))
	})
}

// Routes wires every handler in this package onto one mux. The guarded
// subtree goes through an alice chain.
func Routes(store TokenStore) http.Handler {
	guard := NewGuard(store, "internal")
	internal := http.NewServeMux()
	internal.Handle("GET /internal/receipts", http.HandlerFunc(ReceiptsHandler))
	internal.Handle("GET /internal/messages", MessagesHandler(store))

	mux := http.NewServeMux()
	mux.Handle("/internal/", alice.New(guard.Wrap).Then(internal))
	mux.Handle("GET /reports", ReportsHandler(store))
	mux.Handle("GET /download", DownloadHandler(store))
	mux.Handle("POST /upload", UploadHandler(store))
	mux.Handle("GET /profile", ProfileHandler(store))
	mux.Handle("GET /admin", AdminHandler(store))
	mux.Handle("GET /invoices", InvoicesHandler(store))
	mux.HandleFunc("GET /orders", OrdersHandler)
	mux.HandleFunc("GET /settings", SettingsHandler)
	mux.Handle("GET /keys", KeysHandler(store))
	mux.HandleFunc("GET /archive", ArchiveHandler)
	mux.Handle("DELETE /items/{id}", DeleteHandler(store))
	mux.Handle("/upstream/", Passthrough{Client: http.DefaultClient, Upstream: "http://127.0.0.1:9000"})
	mux.HandleFunc("/proxy", ForwardProxy)
	mux.HandleFunc("/proxy-auth", AuthProxy)
	// silent: the 401 and its challenge both come from Rejection fields
	mux.HandleFunc("GET /denied", func(w http.ResponseWriter, r *http.Request) {
		Rejection{Header: "WWW-Authenticate", Value: `Bearer realm="api"`, Status: http.StatusUnauthorized}.Write(w)
	})
	return alice.New(logRequests).Then(mux)
}
