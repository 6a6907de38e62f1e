package nethttp

import (
	"net/http"
	"strings"
)

// ReportsHandler refuses callers without a known token, but never tells the
// client which scheme to use.
func ReportsHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized) // want nochallenge
			return
		}
		if _, ok := store.scopes(tok); !ok {
			http.Error(w, "unknown token", 401) // want nochallenge
			return
		}
		w.Write([]byte("reports\n"))
	}
}

// DownloadHandler challenges callers that sent nothing at all, but forgets
// the challenge when the token it got is wrong.
func DownloadHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err != nil {
			// silent: this branch sets the challenge before its 401
			w.Header().Set("WWW-Authenticate", `Bearer realm="downloads"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if _, ok := store.scopes(tok); !ok {
			w.WriteHeader(http.StatusUnauthorized) // want nochallenge
			return
		}
		w.Write([]byte("file\n"))
	}
}

// UploadHandler only adds the challenge for browsers; API clients reach the
// same 401 without one.
func UploadHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err == nil {
			if _, ok := store.scopes(tok); ok {
				w.WriteHeader(http.StatusCreated)
				return
			}
		}
		if strings.Contains(r.Header.Get("Accept"), "text/html") {
			w.Header().Set("WWW-Authenticate", `Basic realm="uploads"`)
		}
		http.Error(w, "login required", http.StatusUnauthorized) // want nochallenge
	}
}

// ForwardProxy asks for proxy credentials without naming a scheme.
func ForwardProxy(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Proxy-Authorization") == "" {
		w.WriteHeader(http.StatusProxyAuthRequired) // want nochallenge
		return
	}
	w.WriteHeader(http.StatusBadGateway)
}

// writeStatus writes a bare status line with its reason text.
func writeStatus(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	w.Write([]byte(http.StatusText(code) + "\n"))
}

// ProfileHandler sends every outcome through writeStatus.
func ProfileHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			writeStatus(w, http.StatusMethodNotAllowed)
			return
		}
		if _, err := bearerToken(r); err != nil {
			writeStatus(w, http.StatusUnauthorized) // want nochallenge
			return
		}
		writeStatus(w, http.StatusOK)
	}
}

// statusFor maps authentication errors to the status they answer with.
var statusFor = map[error]int{
	errNoToken:    http.StatusUnauthorized,
	errBadToken:   http.StatusUnauthorized,
	errNotAllowed: http.StatusForbidden,
}

// AdminHandler looks the status up in statusFor; the 401 entries reach
// WriteHeader with no challenge on the way.
func AdminHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err == nil {
			if sc, ok := store.scopes(tok); !ok {
				err = errBadToken
			} else if !hasScope(sc, "admin") {
				err = errNotAllowed
			}
		}
		if err != nil {
			code, ok := statusFor[err]
			if !ok {
				code = http.StatusInternalServerError
			}
			w.WriteHeader(code) // want nochallenge
			return
		}
		w.Write([]byte("admin\n"))
	}
}
