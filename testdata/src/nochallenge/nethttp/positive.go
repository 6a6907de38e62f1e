package nethttp

import (
	"errors"
	"net/http"

	"response/helpers"
)

// Routes mounts the handlers: each is called by the router, so each answers
// for its own responses.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/basic", basicOnly)
	mux.HandleFunc("/branch", oneBranch)
	mux.HandleFunc("/joined", joined)
	mux.HandleFunc("/table", tableWriter)
	mux.HandleFunc("/closure", localClosure)
	mux.HandleFunc("/proxy", proxyAuth)
	mux.HandleFunc("/helper", viaHelper)
	mux.HandleFunc("/pkg", viaOtherPackage)
	mux.HandleFunc("/admin", adminOnly)
	mux.HandleFunc("/upload", upload)
	mux.Handle("/mw", RequireToken(http.NotFoundHandler()))
}

func basicOnly(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		w.WriteHeader(http.StatusUnauthorized) // want `^401 response without a WWW-Authenticate challenge: set WWW-Authenticate \(e.g. Bearer realm="api"\) on this path before answering 401 \(RFC 9110 §15.5.2\)$`
		return
	}
}

// RequireToken is a middleware: its handler closure is returned to the router.
func RequireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "missing token", 401) // want `401 response without a WWW-Authenticate challenge`
			return
		}
		next.ServeHTTP(w, r)
	})
}

func oneBranch(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Accept") == "text/html" {
		w.Header().Set("WWW-Authenticate", `Basic realm="site"`)
	} else {
		http.Error(w, "unauthorized", http.StatusUnauthorized) // want `401 response without`
		return
	}
	w.WriteHeader(http.StatusUnauthorized) // silent: set on the only path that reaches here
}

func joined(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Accept") == "text/html" {
		w.Header().Set("WWW-Authenticate", `Basic realm="site"`)
	}
	w.WriteHeader(http.StatusUnauthorized) // want `401 response without`
}

var (
	errNoToken  = errors.New("no token")
	errBadRole  = errors.New("role")
	statusOfErr = map[error]int{
		errNoToken: http.StatusUnauthorized,
		errBadRole: http.StatusForbidden,
	}
)

func tableWriter(w http.ResponseWriter, r *http.Request) {
	err := check(r)
	if err != nil {
		w.WriteHeader(statusOfErr[err]) // want `401 response without`
	}
}

func check(r *http.Request) error {
	if r.Header.Get("Authorization") == "" {
		return errNoToken
	}
	return nil
}

func localClosure(w http.ResponseWriter, r *http.Request) {
	fail := func(msg string) {
		http.Error(w, msg, http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge, and its caller does not set one first`
	}
	if r.Header.Get("Authorization") == "" {
		fail("no credentials") // reported once, at the write
		return
	}
}

func proxyAuth(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Proxy-Authorization") == "" {
		w.WriteHeader(http.StatusProxyAuthRequired) // want `^407 response without a Proxy-Authenticate challenge: set Proxy-Authenticate \(e.g. Basic realm="proxy"\) on this path before answering 407 \(RFC 9110 §15.5.8\)$`
	}
}

func writeStatus(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(code)
}

func denyPlain(w http.ResponseWriter) {
	http.Error(w, "unauthorized", http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge, and its caller does not set one first`
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		writeStatus(w, http.StatusUnauthorized) // want `call to writeStatus writes 401`
		return
	}
	if r.URL.Query().Get("token") == "" {
		denyPlain(w) // reported once, at the write
		return
	}
	writeStatus(w, http.StatusOK)
}

func viaOtherPackage(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		helpers.Deny(w) // want `call to Deny writes 401 \(helpers.go:\d+\) without a WWW-Authenticate challenge`
		return
	}
	if r.URL.Query().Get("token") == "" {
		helpers.WriteStatus(w, 401, "no token") // want `call to WriteStatus writes 401`
		return
	}
	if r.URL.Query().Get("proxy") == "" {
		helpers.ProxyDeny(w) // want `call to ProxyDeny writes 407 \(helpers.go:\d+\) without a Proxy-Authenticate challenge`
	}
}

type user struct{ roles []string }

func (u *user) IsAdmin() bool { return len(u.roles) > 0 && u.roles[0] == "admin" }

func adminOnly(w http.ResponseWriter, r *http.Request) {
	u := &user{}
	if !u.IsAdmin() {
		w.WriteHeader(http.StatusUnauthorized) // want `^401 response after an authorization check: a caller that is known but may not act gets 403 Forbidden`
	}
}

const maxBody = 1 << 20

func upload(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > maxBody {
		http.Error(w, "too large", http.StatusUnauthorized) // want `^401 response for a check unrelated to credentials: answer with the status that describes it`
	}
}

// Login is an exported handler: some router mounts it.
func Login(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("password") == "" {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without`
	}
}
