package safe

import "net/http"

// Scheme is consumed order-safely below.
type Scheme interface {
	Verify(r *http.Request) bool
	Challenge() string
}

// Session has no challenge.
type Session struct{}

func (Session) Verify(r *http.Request) bool { _, err := r.Cookie("s"); return err == nil }
func (Session) Challenge() string           { return "" } // want Challenge:`returns ""`

// Bearer challenges.
type Bearer struct{}

func (Bearer) Verify(r *http.Request) bool { return r.Header.Get("Authorization") != "" }
func (Bearer) Challenge() string           { return `Bearer realm="api"` } // want Challenge:`returns challenge "Bearer realm=\\"api\\""`
