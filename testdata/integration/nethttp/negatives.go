package nethttp

import (
	"fmt"
	"io"
	"net/http"
)

// headerWWWAuthenticate is the challenge header, kept as a named constant.
const headerWWWAuthenticate = "WWW-Authenticate"

// InvoicesHandler always names the scheme before refusing.
func InvoicesHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err != nil {
			// silent: challenge set right before the 401
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if _, ok := store.scopes(tok); !ok {
			// silent: header name spelled "Www-Authenticate" (same field)
			w.Header().Set("Www-Authenticate", `Bearer realm="api", error="invalid_token"`)
			http.Error(w, "unknown token", http.StatusUnauthorized)
			return
		}
		w.Write([]byte("invoices\n"))
	}
}

// OrdersHandler spells the header through a package-level constant.
func OrdersHandler(w http.ResponseWriter, r *http.Request) {
	if _, err := bearerToken(r); err != nil {
		// silent: challenge set through a package-level constant
		w.Header().Set(headerWWWAuthenticate, `Bearer realm="orders"`)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	w.Write([]byte("orders\n"))
}

// unauthorized sets the challenge and writes the 401 in one go.
func unauthorized(w http.ResponseWriter, realm string) {
	w.Header().Set("WWW-Authenticate", fmt.Sprintf("Bearer realm=%q", realm))
	http.Error(w, "authentication required", http.StatusUnauthorized)
}

// SettingsHandler refuses through a helper that does both jobs.
func SettingsHandler(w http.ResponseWriter, r *http.Request) {
	if _, err := bearerToken(r); err != nil {
		// silent: helper sets the challenge and writes the 401
		unauthorized(w, "settings")
		return
	}
	w.Write([]byte("settings\n"))
}

// addChallenge only sets the header; the caller writes the status.
func addChallenge(w http.ResponseWriter, errCode string) {
	v := `Bearer realm="api"`
	if errCode != "" {
		v += fmt.Sprintf(", error=%q", errCode)
	}
	w.Header().Set("WWW-Authenticate", v)
}

// KeysHandler calls addChallenge before each 401.
func KeysHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err != nil {
			// silent: helper sets the challenge first
			addChallenge(w, "")
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if _, ok := store.scopes(tok); !ok {
			// silent: helper sets the challenge first
			addChallenge(w, "invalid_token")
			http.Error(w, "unknown token", http.StatusUnauthorized)
			return
		}
		w.Write([]byte("keys\n"))
	}
}

// fillChallenge writes the challenge into a header map it is handed.
func fillChallenge(h http.Header, realm string) {
	h.Add("WWW-Authenticate", fmt.Sprintf("Basic realm=%q, charset=\"UTF-8\"", realm))
}

// ArchiveHandler hands w.Header() to fillChallenge.
func ArchiveHandler(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		// silent: the writer's header map is filled by a callee first
		fillChallenge(w.Header(), "archive")
		http.Error(w, "login required", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("archive\n"))
}

// Guard is bearer middleware with a pluggable rejection handler.
type Guard struct {
	Store TokenStore
	Realm string
	// Unauthorized writes the rejection; it runs after the challenge is set.
	Unauthorized http.Handler
}

// NewGuard returns a Guard whose rejection handler is the default one.
func NewGuard(store TokenStore, realm string) *Guard {
	return &Guard{Store: store, Realm: realm, Unauthorized: http.HandlerFunc(defaultUnauthorized)}
}

func defaultUnauthorized(w http.ResponseWriter, r *http.Request) {
	// silent: only ever called after Guard.Wrap has set the challenge
	http.Error(w, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
}

// Wrap sets the challenge and delegates the 401 to g.Unauthorized.
func (g *Guard) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err == nil {
			if _, ok := g.Store.scopes(tok); ok {
				next.ServeHTTP(w, r)
				return
			}
		}
		w.Header().Set("WWW-Authenticate", fmt.Sprintf("Bearer realm=%q", g.Realm))
		// silent: challenge set, then the handler kept in a struct field runs
		g.Unauthorized.ServeHTTP(w, r)
	})
}

// Rejection is a response decided by configuration.
type Rejection struct {
	Header string
	Value  string
	Status int
}

// Write sends whatever the configuration says.
func (rj Rejection) Write(w http.ResponseWriter) {
	// silent: status and header name come from struct fields
	w.Header().Set(rj.Header, rj.Value)
	w.WriteHeader(rj.Status)
}

// respond writes a status and header chosen by its caller.
func respond(w http.ResponseWriter, status int, header, value string) {
	// silent: status and header name are parameters
	if header != "" {
		w.Header().Set(header, value)
	}
	w.WriteHeader(status)
}

// ReceiptsHandler passes a 401 together with its challenge to respond.
func ReceiptsHandler(w http.ResponseWriter, r *http.Request) {
	if _, err := bearerToken(r); err != nil {
		// silent: the challenge travels with the status into the helper
		respond(w, http.StatusUnauthorized, "WWW-Authenticate", `Bearer realm="receipts"`)
		return
	}
	respond(w, http.StatusOK, "", "")
}

// reject always sets the challenge and lets the caller pick the status.
func reject(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
	http.Error(w, msg, status)
}

// MessagesHandler refuses through reject.
func MessagesHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err != nil {
			// silent: helper always sets the challenge and takes the status
			reject(w, http.StatusUnauthorized, "token required")
			return
		}
		if _, ok := store.scopes(tok); !ok {
			// silent: helper always sets the challenge and takes the status
			reject(w, 401, "unknown token")
			return
		}
		w.Write([]byte("messages\n"))
	}
}

// Passthrough relays an upstream response, whatever its status.
type Passthrough struct {
	Client   *http.Client
	Upstream string
}

func (p Passthrough) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), r.Method, p.Upstream+r.URL.Path, r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req.Header = r.Header.Clone()
	resp, err := p.Client.Do(req)
	if err != nil {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	// silent: upstream headers and status are copied through unchanged
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// DeleteHandler knows who the caller is but refuses the action.
func DeleteHandler(store TokenStore) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearerToken(r)
		if err != nil {
			// silent: helper sets the challenge first
			addChallenge(w, "")
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		sc, _ := store.scopes(tok)
		if !hasScope(sc, "delete") {
			// silent: 403 is not this rule's business
			http.Error(w, errNotAllowed.Error(), http.StatusForbidden)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// AuthProxy asks for proxy credentials the right way.
func AuthProxy(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Proxy-Authorization") == "" {
		// silent: 407 with Proxy-Authenticate set
		w.Header().Set("Proxy-Authenticate", `Basic realm="egress"`)
		w.WriteHeader(http.StatusProxyAuthRequired)
		return
	}
	w.WriteHeader(http.StatusBadGateway)
}
