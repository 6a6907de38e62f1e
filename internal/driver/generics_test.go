package driver

import (
	"strings"
	"testing"
)

// TestGenericsOfImports: a package that instantiates a generic function of
// the standard library, read from export data, with a named type of its own
// (slices.Contains(roles, …), roles a Roles) keeps its SSA form, so the
// models that read it still report: here firstchallenge's lookup of the
// first scheme. (Building instances of imported generic functions failed on
// such a type, and the whole package went silent.)
func TestGenericsOfImports(t *testing.T) {
	dir := module(t, map[string]string{"a.go": `package x

import (
	"net/http"
	"slices"
)

type Roles []string

type Scheme interface {
	Authenticate(r *http.Request) error
	Challenge() string
}

type View struct{ Schemes []Scheme }

func (v *View) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, s := range v.Schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", v.Schemes[0].Challenge())
	w.WriteHeader(http.StatusUnauthorized)
}

func Admin(rs Roles) bool { return slices.Contains(rs, "admin") }
`})
	code, stdout, stderr := run(t, dir, rules(), "./...")
	checkCode(t, nil, code, ExitFindings, stdout, stderr)
	if !strings.Contains(stdout, "(firstchallenge)") {
		t.Errorf("want the firstchallenge finding of the package, got stdout %q stderr %q", stdout, stderr)
	}
}
