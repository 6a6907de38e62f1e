package mw

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/justinas/alice"
)

// RequireSession redirects anonymous requests to the login page: it rejects
// and names no challenge.
func RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireAPIKey answers 403 to requests without the key header.
func RequireAPIKey(key string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Api-Key") != key {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// RequireBearer challenges.
func RequireBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// AdvertiseBearer names the bearer scheme on every response and lets every
// request through: it challenges but never rejects.
func AdvertiseBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		next.ServeHTTP(w, r)
	})
}

// LoadSession records a session if there is one and always calls next.
func LoadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("session"); err == nil {
			r = r.WithContext(r.Context())
			_ = c
		}
		next.ServeHTTP(w, r)
	})
}

// Logger passes everything through.
func Logger(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

// Routes wires the stacks.
func Routes(h http.Handler) {
	r := chi.NewRouter()
	r.Use(Logger, RequireSession, RequireBearer)             // want `^RequireSession rejects requests without a challenge \(401/403 or a redirect\) and runs before RequireBearer, which challenges: a request for RequireBearer's scheme is turned away before RequireBearer sees it; let RequireSession pass requests it cannot authenticate to the next handler, or run RequireBearer first if it lets requests without its credentials through$`
	r.Use(LoadSession, RequireBearer)                        // silent: pass-through first
	r.Use(RequireBearer, RequireSession)                     // silent: bearing first
	r.With(RequireAPIKey("k"), RequireBearer).Handle("/", h) // want `RequireAPIKey\(…\) rejects requests without a challenge`

	// Both reject: running RequireBearer first would still turn session
	// clients away, so no reorder is offered. A bearing middleware that
	// lets requests through can go first.
	r.Use(RequireSession, AdvertiseBearer) // want `RequireSession rejects requests without a challenge`

	s := chi.NewRouter()
	s.Use(RequireSession) // want `RequireSession rejects requests without a challenge`
	s.Use(RequireBearer)

	_ = alice.New(RequireSession, RequireBearer).Then(h)                 // want `RequireSession rejects`
	_ = alice.New(Logger, LoadSession).Then(h)                           // silent: nothing rejects
	_ = RequireSession(RequireBearer(h))                                 // want `RequireSession rejects`
	_ = RequireBearer(RequireSession(h))                                 // silent: the outer one challenges
	_ = []func(http.Handler) http.Handler{RequireSession, RequireBearer} // silent: not a stack the router runs
}

// Sub routes each get their own With stack: never one chain.
func Sub(h http.Handler) {
	r := chi.NewRouter()
	r.With(RequireSession).Handle("/a", h) // silent: a stack of one
	r.With(RequireBearer).Handle("/b", h)
}

// RequireKey answers 403 to requests without the key: a middleware that
// takes the key beside the handler it wraps.
func RequireKey(key string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != key {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireBasicFor challenges; the handler it wraps comes first.
func RequireBasicFor(next http.Handler, realm string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, _, ok := r.BasicAuth(); !ok {
			w.Header().Set("WWW-Authenticate", `Basic realm="`+realm+`"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Either serves a or b: it takes two handlers, so it wraps neither.
func Either(a, b http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("b") {
			b.ServeHTTP(w, r)
			return
		}
		a.ServeHTTP(w, r)
	})
}

// Wrapped nests middleware that take other arguments.
func Wrapped(h http.Handler) {
	_ = RequireKey("k", RequireBasicFor(h, "ops"))                         // want `RequireKey rejects requests without a challenge \(401/403 or a redirect\) and runs before RequireBasicFor`
	_ = RequireBasicFor(RequireKey("k", h), "ops")                         // silent: the outer one challenges
	_ = http.StripPrefix("/ops", RequireKey("k", RequireBasicFor(h, "o"))) // want `RequireKey rejects requests without a challenge`
	_ = Either(RequireKey("k", h), RequireBasicFor(h, "ops"))              // silent: two routes, not a stack
	_ = RequireKey("k", Logger(h))                                         // silent: nothing challenges after it
}
