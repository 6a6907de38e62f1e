package elems

import "net/http"

type Auth interface {
	Authenticate(r *http.Request) error
	Challenge() string
}

type View struct {
	auths []Auth
}

var global []Auth

func (v *View) direct() string { return v.auths[0].Challenge() } // want `field auths fixed 0`

func (v *View) temp() string {
	first := v.auths[0]
	return first.Challenge() // want `field auths fixed 0`
}

func (v *View) alias() string {
	xs := v.auths
	a := xs[len(xs)-1]
	return a.Challenge() // want `field auths fromend 1`
}

func (v *View) methodValue() string {
	ch := v.auths[0].Challenge
	return ch() // want `field auths fixed 0`
}

func (v *View) loop(r *http.Request) string {
	for _, a := range v.auths {
		if a.Authenticate(r) != nil {
			return a.Challenge() // want `field auths varying`
		}
	}
	return ""
}

func (v *View) keptAfter(r *http.Request) string {
	var last Auth
	for _, a := range v.auths {
		last = a
		if a.Authenticate(r) == nil {
			return ""
		}
	}
	return last.Challenge() // want `field auths varying; others 1`
}

func closure() func() string {
	xs := global
	return func() string {
		return xs[0].Challenge() // want `global global fixed 0`
	}
}

func param(xs []Auth) string { return xs[0].Challenge() } // want `param xs fixed 0`

func notElem(a Auth) string { return a.Challenge() } // want `others 1`
