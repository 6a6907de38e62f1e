// Package loops: checks tried in a loop. Past a loop whose every iteration
// ended in a failed check, the request failed them all; an interface
// method's call is a check of what every implementation reads.
package loops

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// Keys are the API keys of the partners, sent in Authorization.
type Keys struct{ keys []string }

// None of the keys matched: the credential is wrong, 403 is not the answer.
func (k *Keys) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	given := strings.TrimPrefix(r.Header.Get("Authorization"), "Token ")
	for _, key := range k.keys {
		if subtle.ConstantTimeCompare([]byte(key), []byte(given)) != 1 {
			continue
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
}

// Authenticator is a scheme.
type Authenticator interface {
	Authenticate(r *http.Request) (string, error)
}

// Bearer reads a bearer token.
type Bearer struct{ tokens map[string]string }

func (b Bearer) Authenticate(r *http.Request) (string, error) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return "", errors.New("no bearer token")
	}
	if sub, ok := b.tokens[tok]; ok {
		return sub, nil
	}
	return "", errors.New("unknown token")
}

// Basic reads Basic credentials.
type Basic struct{ users map[string]string }

func (b Basic) Authenticate(r *http.Request) (string, error) {
	user, pass, ok := r.BasicAuth()
	if !ok || b.users[user] != pass {
		return "", errors.New("bad credentials")
	}
	return user, nil
}

// Session reads a session cookie (challenge-less).
type Session struct{ sessions map[string]string }

func (s Session) Authenticate(r *http.Request) (string, error) {
	c, err := r.Cookie("sid")
	if err != nil {
		return "", err
	}
	if u, ok := s.sessions[c.Value]; ok {
		return u, nil
	}
	return "", errors.New("unknown session")
}

// Scheme is implemented by the challenge-bearing schemes only.
type Scheme interface {
	Check(r *http.Request) (string, error)
}

func (b Bearer) Check(r *http.Request) (string, error) { return b.Authenticate(r) }
func (b Basic) Check(r *http.Request) (string, error)  { return b.Authenticate(r) }

// challenged tries schemes that all challenge: when every one failed, 403
// is wrong.
type challenged struct{ schemes []Scheme }

func (c *challenged) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, s := range c.schemes {
		if _, err := s.Check(r); err != nil {
			continue
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.WriteHeader(http.StatusForbidden) // want `403 answers an authentication failure`
}

// mixed tries Authenticators, which Session implements too: the failing
// scheme may be the session, whose 403 is right, so the rule is silent.
type mixed struct{ auths []Authenticator }

func (m *mixed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, a := range m.auths {
		if _, err := a.Authenticate(r); err != nil {
			continue
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}

// tryAll counts the schemes that accepted the request: an iteration after
// a success goes on, so past the loop nothing says every check failed.
func tryAll(w http.ResponseWriter, r *http.Request, auths []Authenticator) {
	accepted := 0
	for _, a := range auths {
		if _, err := a.Authenticate(r); err != nil {
			continue
		}
		accepted++
	}
	if accepted == 0 {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

var _ = tryAll
