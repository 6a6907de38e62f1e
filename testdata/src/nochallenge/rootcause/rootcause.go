// Package rootcause: one finding per cause.
package rootcause

import "net/http"

// a. a helper every caller uses without a challenge: one finding at its
// write, the callers as related information.
func reject(w http.ResponseWriter) {
	http.Error(w, "unauthorized", http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge, and none of its 3 callers does set one first: set WWW-Authenticate \(e.g. Bearer realm="api"\) here`
}

// Rejecting mounts three handlers that call reject.
func Rejecting(mux *http.ServeMux) {
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { reject(w) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { reject(w) })
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			reject(w)
		}
	})
}

// b. a helper some callers challenge first: the others differ, and are
// reported at the call.
func deny(w http.ResponseWriter) {
	w.WriteHeader(http.StatusUnauthorized)
}

// Denying mounts handlers that call deny with and without a challenge.
func Denying(mux *http.ServeMux) {
	mux.HandleFunc("/d", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		deny(w)
	})
	mux.HandleFunc("/e", func(w http.ResponseWriter, r *http.Request) {
		deny(w) // want `call to deny writes 401 \(rootcause.go:\d+\) without a WWW-Authenticate challenge`
	})
}

// c. a second status after the response went out is ignored by
// WriteHeader: the first write is the answer.
func Twice(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(http.StatusUnauthorized) // want `401 response without a WWW-Authenticate challenge`
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
}

// AfterBody writes 401 after the body went out with 200: not the answer.
func AfterBody(w http.ResponseWriter, r *http.Request) {
	_, _ = w.Write([]byte("hello"))
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(http.StatusUnauthorized) // silent: WriteHeader ignores it
	}
}

// AfterOK answers 200 first.
func AfterOK(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	http.Error(w, "unauthorized", http.StatusUnauthorized) // silent: superfluous
}
