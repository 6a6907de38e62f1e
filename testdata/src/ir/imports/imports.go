// Package imports uses one import for its types and methods only, some for
// their functions and variables, and one blank: SSA is built with each
// import a stand-in that declares only what the package uses of it.
package imports // want `members net/http: ErrNoCookie Error StatusText` `members net/url: ` `members slices: Contains` `members strings: TrimSpace`

import (
	_ "embed"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Target holds a URL: net/url is used for its type and its methods only.
type Target struct{ U *url.URL }

func (t *Target) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := t.U.Hostname                 // a method value of an imported type
	if strings.TrimSpace(host()) == "" { // want `calls strings.TrimSpace`
		w.WriteHeader(http.StatusUnauthorized) // want `built`
	}
	var p url.Userinfo
	_ = p.String()
	if _, err := r.Cookie("session"); err == http.ErrNoCookie {
		http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden) // want `calls net/http.Error` `calls net/http.StatusText`
	}
	if slices.Contains(r.Header.Values("X-Role"), "admin") { // want `calls slices.Contains`
		w.WriteHeader(http.StatusNoContent) // want `built`
	}
}

// Roles is a named slice: a generic function of an import (slices.Contains)
// instantiated with it must not break the package's SSA.
type Roles []string

// Admin reports whether the roles hold admin.
func Admin(w http.ResponseWriter, rs Roles) {
	if !slices.Contains(rs, "admin") { // want `calls slices.Contains`
		w.WriteHeader(http.StatusForbidden) // want `built`
	}
}
