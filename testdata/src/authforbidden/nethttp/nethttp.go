package nethttp

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// ErrInvalidToken means the presented token did not verify.
var ErrInvalidToken = errors.New("invalid token")

var errNoRole = errors.New("missing role") // want errNoRole:"maps to 403 at nethttp.go:159"

// User is an authenticated caller.
type User struct{ Roles []string }

// Has reports whether the user has a role.
func (u *User) Has(role string) bool { return len(u.Roles) > 0 && u.Roles[0] == role }

// Server holds the credential stores.
type Server struct{ key string }

// VerifyToken checks a bearer token.
func (s *Server) VerifyToken(token string) (*User, error) {
	if token == "" {
		return nil, ErrInvalidToken
	}
	return &User{}, nil
}

// CheckPassword checks a Basic password.
func (s *Server) CheckPassword(user, password string) bool { return password == s.key }

// SessionUser reads the session cookie: a challenge-less scheme.
func (s *Server) SessionUser(r *http.Request) (*User, error) {
	if _, err := r.Cookie("session"); err != nil {
		return nil, err
	}
	return &User{}, nil
}

// Context is a web context with a signed-in flag.
type Context struct {
	IsSigned bool
	W        http.ResponseWriter
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Routes mounts every handler.
func (s *Server) Routes(mux *http.ServeMux) {
	for path, h := range map[string]http.HandlerFunc{
		"/1": s.basicMissing, "/2": s.basicWrong, "/3": s.emptyAuthorization, "/4": s.bearerPrefix,
		"/5": s.tokenInvalid, "/6": s.nilIdentity, "/7": s.sentinel, "/8": s.switchErr, "/9": s.compare,
		"/10": s.earlyReturn, "/11": s.viaHelper,
		"/a": s.authorization, "/b": s.cookie, "/c": s.apiKey, "/d": s.sessionScheme, "/e": s.challenged,
		"/f": s.otherError, "/g": s.unrelated, "/h": s.afterAuthorization,
	} {
		mux.HandleFunc(path, h)
	}
}

func (s *Server) basicMissing(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		http.Error(w, "forbidden", http.StatusForbidden) // want `^403 answers an authentication failure \(no Basic credentials\): a 403 tells the client new credentials will not help; answer 401 with a WWW-Authenticate challenge, and keep 403 for a known caller who may not act$`
		return
	}
}

func (s *Server) basicWrong(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || !s.CheckPassword(user, pass) {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
		return
	}
}

func (s *Server) emptyAuthorization(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Get("Authorization")
	if h == "" {
		w.WriteHeader(403) // want `403 answers an authentication failure \(the Authorization header is missing or malformed\)`
		return
	}
}

func (s *Server) bearerPrefix(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Bearer ") {
		http.Error(w, "bad scheme", http.StatusForbidden) // want `the Authorization header is missing or malformed`
		return
	}
}

func (s *Server) tokenInvalid(w http.ResponseWriter, r *http.Request) {
	_, err := s.VerifyToken(bearer(r))
	if err != nil {
		w.WriteHeader(http.StatusForbidden) // want `the credential check VerifyToken \(Authorization header\) failed`
		return
	}
}

func (s *Server) nilIdentity(w http.ResponseWriter, r *http.Request) {
	u, _ := s.VerifyToken(bearer(r))
	if u == nil {
		w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
	}
}

func (s *Server) sentinel(w http.ResponseWriter, r *http.Request) {
	_, err := s.VerifyToken(bearer(r))
	if errors.Is(err, ErrInvalidToken) {
		w.WriteHeader(http.StatusForbidden) // want `the error is ErrInvalidToken`
	}
}

func (s *Server) switchErr(w http.ResponseWriter, r *http.Request) {
	_, err := s.VerifyToken(bearer(r))
	switch err {
	case nil:
	case ErrInvalidToken:
		w.WriteHeader(http.StatusForbidden) // want `the error is ErrInvalidToken`
	}
}

func (s *Server) compare(w http.ResponseWriter, r *http.Request) {
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte(s.key)) != 1 {
		w.WriteHeader(http.StatusForbidden) // want `the presented Authorization header did not match the stored secret`
	}
}

func (s *Server) earlyReturn(w http.ResponseWriter, r *http.Request) {
	if _, err := s.VerifyToken(bearer(r)); err == nil {
		w.Write([]byte("ok"))
		return
	}
	w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
}

func forbid(w http.ResponseWriter) { http.Error(w, "forbidden", http.StatusForbidden) }

func (s *Server) viaHelper(w http.ResponseWriter, r *http.Request) {
	if _, err := s.VerifyToken(bearer(r)); err != nil {
		forbid(w) // want `403 answers an authentication failure`
	}
}

// Signed is a gitea-style handler: anonymous callers get 403.
func Signed(ctx *Context) {
	if !ctx.IsSigned {
		ctx.W.WriteHeader(http.StatusForbidden) // silent: where the flag comes from is not visible (no data flow from a credential check)
	}
}

var statusOf = map[error]int{
	ErrInvalidToken: http.StatusForbidden, // want `error-to-status table maps an authentication failure \(ErrInvalidToken, returned when credentials fail\) to 403`
	errNoRole:       http.StatusForbidden,
}

// The shapes below are silent.

func (s *Server) authorization(w http.ResponseWriter, r *http.Request) {
	u, err := s.VerifyToken(bearer(r))
	if err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if !u.Has("admin") {
		w.WriteHeader(http.StatusForbidden) // silent: authenticated, not allowed
	}
}

func (s *Server) cookie(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("session"); err != nil {
		w.WriteHeader(http.StatusForbidden) // silent: a session cookie has no challenge
	}
}

func (s *Server) apiKey(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Api-Key") == "" {
		w.WriteHeader(http.StatusForbidden) // silent: an API key in a custom header has no challenge
	}
}

func (s *Server) sessionScheme(w http.ResponseWriter, r *http.Request) {
	if _, err := s.SessionUser(r); err != nil {
		w.WriteHeader(http.StatusForbidden) // silent: the failing scheme is the session cookie
	}
}

func (s *Server) challenged(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.WriteHeader(http.StatusForbidden) // silent: a challenge was set (firstchallenge's business)
	}
}

func (s *Server) otherError(w http.ResponseWriter, r *http.Request) {
	err := check(r)
	if errors.Is(err, errNoRole) {
		w.WriteHeader(http.StatusForbidden) // silent: not an authentication error
	}
}

func check(r *http.Request) error { return errNoRole }

func (s *Server) unrelated(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.WriteHeader(http.StatusForbidden) // silent: nothing to do with credentials
	}
}

func (s *Server) afterAuthorization(w http.ResponseWriter, r *http.Request) {
	u, _, ok := r.BasicAuth()
	if ok && s.CheckPassword(u, "") {
		if u != "admin" {
			w.WriteHeader(http.StatusForbidden) // silent: the credentials checked out
		}
	}
}
