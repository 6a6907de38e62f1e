package nethttp

import (
	"io"
	"net/http"

	"response/helpers"
)

const wwwAuthenticate = "Www-Authenticate"

// Silent mounts handlers whose 401s all carry a challenge.
func Silent(mux *http.ServeMux, info headerInfo, p provider) {
	mux.HandleFunc("/a1", helperSetsAndWrites)
	mux.HandleFunc("/a2", helperSetsFirst)
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		// silent: the header map is handed to code that fills it
		info.UpdateHeaders(w.Header())
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	})
	mux.HandleFunc("/b2", func(w http.ResponseWriter, r *http.Request) {
		helpers.Fill(w.Header())
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	})
	mux.Handle("/c", NewGuard(http.NotFoundHandler(), Options{Realm: "files"}))
	mux.HandleFunc("/d", func(w http.ResponseWriter, r *http.Request) {
		// silent: the provider may have set the challenge on w
		if err := p.Authenticate(w, r); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
		}
	})
	mux.HandleFunc("/d2", func(w http.ResponseWriter, r *http.Request) {
		var bp basicProvider
		if !bp.Authenticate(w, r) {
			w.WriteHeader(http.StatusUnauthorized)
		}
	})
	mux.Handle("/e", &fieldHandler{status: 401, header: "X-Reason"})
	mux.HandleFunc("/f", func(w http.ResponseWriter, r *http.Request) {
		respond(w, http.StatusUnauthorized)
		helpers.Respond(w, http.StatusUnauthorized)
	})
	mux.HandleFunc("/g", passThrough)
	mux.HandleFunc("/h", forbidden)
	mux.HandleFunc("/i", proxyWithChallenge)
	mux.HandleFunc("/j", func(w http.ResponseWriter, r *http.Request) {
		w.Header()[wwwAuthenticate] = []string{`Bearer realm="api"`}
		w.WriteHeader(http.StatusUnauthorized)
	})
	mux.HandleFunc("/k", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add(http.CanonicalHeaderKey("www-authenticate"), `Basic realm="x"`)
		w.WriteHeader(http.StatusUnauthorized)
	})
	mux.HandleFunc("/l", func(w http.ResponseWriter, r *http.Request) {
		helpers.Challenge(w, "api")
		helpers.Deny(w)
		helpers.DenyWithChallenge(w)
		writeStatus(w, http.StatusOK)
		helpers.WriteStatus(w, http.StatusNotFound, "missing")
	})
	mux.HandleFunc("/m", func(w http.ResponseWriter, r *http.Request) {
		deny := func() { w.WriteHeader(http.StatusUnauthorized) }
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		deny()
	})
}

type headerInfo interface{ UpdateHeaders(h http.Header) }

// a. a helper that sets the header and writes 401; a helper that only sets it.
func unauthorized(w http.ResponseWriter, realm string) {
	w.Header().Set("WWW-Authenticate", `Basic realm="`+realm+`"`)
	http.Error(w, "unauthorized", http.StatusUnauthorized)
}

func challenge(w http.ResponseWriter) {
	w.Header().Set(wwwAuthenticate, `Bearer realm="api"`)
}

func helperSetsAndWrites(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		unauthorized(w, "api")
	}
}

func helperSetsFirst(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		challenge(w)
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// c. a guard whose "unauthorized handler" field defaults to a function
// writing a bare 401; every call of it comes after the challenge is set.
type Options struct {
	Realm               string
	UnauthorizedHandler http.Handler
}

type guard struct {
	next http.Handler
	opts Options
}

// NewGuard wraps next with Basic authentication.
func NewGuard(next http.Handler, opts Options) http.Handler {
	if opts.UnauthorizedHandler == nil {
		opts.UnauthorizedHandler = http.HandlerFunc(defaultUnauthorized)
	}
	return &guard{next: next, opts: opts}
}

func defaultUnauthorized(w http.ResponseWriter, r *http.Request) {
	http.Error(w, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		g.requestAuth(w, r)
		return
	}
	g.next.ServeHTTP(w, r)
}

func (g *guard) requestAuth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("WWW-Authenticate", `Basic realm="`+g.opts.Realm+`"`)
	g.opts.UnauthorizedHandler.ServeHTTP(w, r)
}

// d. a provider that sets the challenge on w when it fails.
type provider interface {
	Authenticate(w http.ResponseWriter, r *http.Request) error
}

type basicProvider struct{ realm string }

func (p basicProvider) Authenticate(w http.ResponseWriter, r *http.Request) bool {
	if _, _, ok := r.BasicAuth(); !ok {
		w.Header().Set("WWW-Authenticate", `Basic realm="`+p.realm+`"`)
		return false
	}
	return true
}

// e. status and header name from fields: unknown stays silent.
type fieldHandler struct {
	status int
	header string
}

func (h *fieldHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(h.status)
	w.Header().Set(h.header, "x")
	w.WriteHeader(http.StatusUnauthorized)
}

// f. a helper that always sets the challenge and takes the status.
func respond(w http.ResponseWriter, code int) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	w.WriteHeader(code)
}

// g. a proxy copies the upstream answer through.
func passThrough(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, vv := range resp.Header {
		for _, v := range vv {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}

// 403 is not this rule's business.
func forbidden(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "forbidden", http.StatusForbidden)
}

func proxyWithChallenge(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Proxy-Authenticate", `Basic realm="proxy"`)
	w.WriteHeader(http.StatusProxyAuthRequired)
}

// unusedHelper is never called: nothing answers for it.
func unusedHelper(w http.ResponseWriter) {
	w.WriteHeader(http.StatusUnauthorized)
}
