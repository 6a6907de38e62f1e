// Package shapes holds the ways Go code reaches an element of a chain at a
// fixed position, each with the loop that tried the chain, and the
// order-safe ways that must stay silent.
package shapes

import (
	"errors"
	"net/http"
	"strings"
)

// ErrNoCredentials says a scheme found none of its credentials.
var ErrNoCredentials = errors.New("no credentials")

// Scheme is one way to authenticate.
type Scheme interface {
	Authenticate(r *http.Request) error
	Challenge() string
}

// Cookie has no challenge.
type Cookie struct{}

func (Cookie) Authenticate(r *http.Request) error { return ErrNoCredentials }
func (Cookie) Challenge() string                  { return "" }

// Bearer challenges.
type Bearer struct{}

func (Bearer) Authenticate(r *http.Request) error { return ErrNoCredentials }
func (Bearer) Challenge() string                  { return `Bearer realm="api"` }

// ---- positional lookups (firstchallenge), each on a collection of its own

// Temp asks a temporary copy of the first element.
type Temp struct{ schemes []Scheme }

func NewTemp(s ...Scheme) *Temp { return &Temp{schemes: s} }

func (t *Temp) Try(r *http.Request) bool {
	for _, s := range t.schemes {
		if s.Authenticate(r) == nil {
			return true
		}
	}
	return false
}

func (t *Temp) Challenge() string {
	first := t.schemes[0]
	return first.Challenge() // want `challenge taken from Temp.schemes\[0\] whatever failed`
}

// Alias asks the last element through a local alias of the slice.
type Alias struct{ schemes []Scheme }

func NewAlias(s ...Scheme) *Alias { return &Alias{schemes: s} }

func (a *Alias) Try(r *http.Request) bool {
	for _, s := range a.schemes {
		if s.Authenticate(r) == nil {
			return true
		}
	}
	return false
}

func (a *Alias) Challenge() string {
	xs := a.schemes
	last := xs[len(xs)-1]
	return last.Challenge() // want `challenge taken from the last of Alias.schemes whatever failed`
}

// KeptAfter keeps the loop variable after the loop: the last one tried.
func KeptAfter(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	var s Scheme
	for _, s = range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", s.Challenge()) // want `challenge taken from the last of schemes whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// LastTried copies every element it tries into a variable.
func LastTried(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	var last Scheme
	for _, s := range schemes {
		last = s
		if err := s.Authenticate(r); err != nil {
			continue // failed, or not mine: the next one
		}
		return
	}
	if last != nil {
		w.Header().Set("WWW-Authenticate", last.Challenge()) // want `challenge taken from the last of schemes whatever failed`
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// Indexed tries by index and asks element 0.
type Indexed struct{ schemes []Scheme }

func NewIndexed(s ...Scheme) *Indexed { return &Indexed{schemes: s} }

func (x *Indexed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for i := range x.schemes {
		if x.schemes[i].Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", x.schemes[0].Challenge()) // want `challenge taken from Indexed.schemes\[0\] whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// Stored takes the first element's challenge method at construction and
// calls it from another method.
type Stored struct {
	schemes   []Scheme
	challenge func() string
}

func NewStored(s ...Scheme) *Stored {
	st := &Stored{schemes: s}
	st.challenge = st.schemes[0].Challenge // want `challenge taken from Stored.schemes\[0\] whatever failed`
	return st
}

func (st *Stored) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, s := range st.schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	st.deny(w)
}

func (st *Stored) deny(w http.ResponseWriter) {
	if c := st.challenge(); c != "" {
		w.Header().Set("WWW-Authenticate", c)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusForbidden)
}

// MethodValue keeps the method value in a variable for a closure.
func MethodValue(schemes ...Scheme) http.HandlerFunc {
	challenge := schemes[0].Challenge // want `challenge taken from schemes\[0\] whatever failed`
	return func(w http.ResponseWriter, r *http.Request) {
		for _, s := range schemes {
			if s.Authenticate(r) == nil {
				return
			}
		}
		w.Header().Set("WWW-Authenticate", challenge())
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// Pair returns two closures over the same captured chain: one tries it,
// the other names the challenge of its last element.
func Pair(schemes []Scheme) (func(*http.Request) bool, func() string) {
	try := func(r *http.Request) bool {
		for _, s := range schemes {
			if s.Authenticate(r) == nil {
				return true
			}
		}
		return false
	}
	challenge := func() string {
		return schemes[len(schemes)-1].Challenge() // want `challenge taken from the last of schemes whatever failed`
	}
	return try, challenge
}

// Registry reads a map of schemes through the ordered slice of its keys.
type Registry struct {
	byName map[string]Scheme
	order  []string
}

func (g *Registry) Register(name string, s Scheme) {
	if g.byName == nil {
		g.byName = make(map[string]Scheme)
	}
	g.byName[name] = s
	g.order = append(g.order, name)
}

func (g *Registry) Try(r *http.Request) bool {
	for _, name := range g.order {
		if g.byName[name].Authenticate(r) == nil {
			return true
		}
	}
	return false
}

func (g *Registry) Challenge() string {
	return g.byName[g.order[0]].Challenge() // want `challenge taken from Registry.byName\[Registry.order\[0\]\] whatever failed`
}

// Chain is generic over its schemes.
type Chain[T Scheme] struct{ links []T }

func NewChain[T Scheme](links ...T) *Chain[T] { return &Chain[T]{links: links} }

func (c *Chain[T]) Try(r *http.Request) bool {
	for _, l := range c.links {
		if l.Authenticate(r) == nil {
			return true
		}
	}
	return false
}

func (c *Chain[T]) Challenge() string {
	return c.links[0].Challenge() // want `challenge taken from Chain.links\[0\] whatever failed`
}

// defaults is a package chain tried by Default.
var defaults []Scheme

func Default(w http.ResponseWriter, r *http.Request) {
	for _, s := range defaults {
		if s.Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", defaults[0].Challenge()) // want `challenge taken from defaults\[0\] whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// ---- order-safe consumers (silent)

// Failing keeps the scheme that refused its credentials, then breaks.
func Failing(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	var failed Scheme
	for _, s := range schemes {
		if err := s.Authenticate(r); err != nil && !errors.Is(err, ErrNoCredentials) {
			failed = s
			break
		}
	}
	if failed != nil {
		w.Header().Set("WWW-Authenticate", failed.Challenge())
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// FailingOnly keeps a scheme only on the failure branch, without breaking.
func FailingOnly(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	var failed Scheme
	for _, s := range schemes {
		err := s.Authenticate(r)
		if err == nil {
			return
		}
		if !errors.Is(err, ErrNoCredentials) {
			failed = s
		}
	}
	if failed != nil {
		w.Header().Set("WWW-Authenticate", failed.Challenge())
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// FailedIndex records the index of the scheme that failed.
func FailedIndex(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	bad := -1
	for i, s := range schemes {
		if err := s.Authenticate(r); err != nil && !errors.Is(err, ErrNoCredentials) {
			bad = i
			break
		}
	}
	if bad >= 0 {
		w.Header().Set("WWW-Authenticate", schemes[bad].Challenge())
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// Each asks the failing scheme inside the loop.
func Each(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if err := s.Authenticate(r); err != nil && !errors.Is(err, ErrNoCredentials) {
			w.Header().Set("WWW-Authenticate", s.Challenge())
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
	}
}

// All joins every scheme's challenge.
func All(schemes []Scheme, w http.ResponseWriter) {
	var cs []string
	for _, s := range schemes {
		if c := s.Challenge(); c != "" {
			cs = append(cs, c)
		}
	}
	w.Header().Set("WWW-Authenticate", strings.Join(cs, ", "))
	w.WriteHeader(http.StatusUnauthorized)
}

// Describe asks element 0 of a collection no loop tried: one scheme.
func Describe(schemes []Scheme) string { return schemes[0].Challenge() }

// Untried asks element 0 after a loop that only read challenges.
func Untried(schemes []Scheme) string {
	n := 0
	for _, s := range schemes {
		if s.Challenge() != "" {
			n++
		}
	}
	return schemes[0].Challenge()
}

// Group is filled by successive Add calls.
type Group struct{ members []Scheme }

func (g *Group) Add(s Scheme) { g.members = append(g.members, s) }

func (g *Group) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, s := range g.members {
		if s.Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", g.members[0].Challenge()) // want `challenge taken from Group.members\[0\] whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// head, lastOne and the helpers below return an element of their argument:
// a challenge asked of what they return is asked of that position.
func head[T any](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	return xs[0]
}

func lastOne(xs []Scheme) Scheme {
	if len(xs) == 0 {
		return nil
	}
	return xs[len(xs)-1]
}

// at returns the element the caller names: no fixed position.
func at(xs []Scheme, i int) Scheme { return xs[i] }

// firstOrSecond returns one of two positions: no fixed position.
func firstOrSecond(xs []Scheme, second bool) Scheme {
	if second {
		return xs[1]
	}
	return xs[0]
}

// Picked asks the first element through a generic helper.
func Picked(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", head(schemes).Challenge()) // want `challenge taken from schemes\[0\] whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// PickedLast asks the last element through a helper.
func PickedLast(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", lastOne(schemes).Challenge()) // want `challenge taken from the last of schemes whatever failed`
	w.WriteHeader(http.StatusUnauthorized)
}

// PickedFailing asks the element whose index the loop kept: silent.
func PickedFailing(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	bad := -1
	for i, s := range schemes {
		if err := s.Authenticate(r); err == nil {
			return
		} else if !errors.Is(err, ErrNoCredentials) {
			bad = i
			break
		}
	}
	if bad >= 0 {
		w.Header().Set("WWW-Authenticate", at(schemes, bad).Challenge())
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// PickedEither asks a helper whose position depends on its argument: silent.
func PickedEither(schemes []Scheme, second bool, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	w.Header().Set("WWW-Authenticate", firstOrSecond(schemes, second).Challenge())
	w.WriteHeader(http.StatusUnauthorized)
}

// PickedUntried asks the first element of a collection no loop tried.
func PickedUntried(schemes []Scheme) string { return head(schemes).Challenge() }

// FirstWithOne answers with the challenge of the first scheme that has one,
// whatever failed.
func FirstWithOne(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	for _, s := range schemes {
		if c := s.Challenge(); c != "" { // want `challenge taken from the first of schemes that has one whatever failed`
			w.Header().Set("WWW-Authenticate", c)
			break
		}
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// FirstWithOneReturn stops at the first challenge with a return.
func FirstWithOneReturn(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	for _, s := range schemes {
		if len(s.Challenge()) > 0 { // want `challenge taken from the first of schemes that has one whatever failed`
			w.Header().Set("WWW-Authenticate", s.Challenge())
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
	}
	w.WriteHeader(http.StatusForbidden)
}

// EveryChallenge adds each scheme's challenge: silent.
func EveryChallenge(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	for _, s := range schemes {
		if c := s.Challenge(); c != "" {
			w.Header().Add("WWW-Authenticate", c)
		}
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// TriedWithOne tries each scheme and answers with the challenge of the one
// whose credentials were sent and failed: silent.
func TriedWithOne(schemes []Scheme, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		err := s.Authenticate(r)
		if err == nil {
			return
		}
		if c := s.Challenge(); c != "" && !errors.Is(err, ErrNoCredentials) {
			w.Header().Set("WWW-Authenticate", c)
			break
		}
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// Chosen stops at the scheme the request names, not at the first challenge:
// silent.
func Chosen(schemes []Scheme, name string, w http.ResponseWriter, r *http.Request) {
	for _, s := range schemes {
		if s.Authenticate(r) == nil {
			return
		}
	}
	for _, s := range schemes {
		c := s.Challenge()
		if strings.HasPrefix(c, name) {
			w.Header().Set("WWW-Authenticate", c)
			break
		}
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// Middleware wraps a handler.
type Middleware func(http.Handler) http.Handler

// AnyOf collects the schemes' challenges in their order once, then answers
// every failure with the first: the first scheme's challenge.
func AnyOf(schemes ...Scheme) Middleware {
	challenges := make([]string, 0, len(schemes))
	for _, s := range schemes {
		challenges = append(challenges, s.Challenge())
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for _, s := range schemes {
				if s.Authenticate(r) == nil {
					next.ServeHTTP(w, r)
					return
				}
			}
			w.Header().Set("WWW-Authenticate", challenges[0]) // want `challenge taken from schemes\[0\] \(challenges\[0\] holds its Challenge\) whatever failed`
			w.WriteHeader(http.StatusUnauthorized)
		})
	}
}

// EachOf collects the same challenges and sends them all: order-safe.
func EachOf(schemes ...Scheme) Middleware {
	var challenges []string
	for _, s := range schemes {
		if c := s.Challenge(); c != "" {
			challenges = append(challenges, c)
		}
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for _, s := range schemes {
				if s.Authenticate(r) == nil {
					next.ServeHTTP(w, r)
					return
				}
			}
			w.Header().Set("WWW-Authenticate", strings.Join(challenges, ", "))
			w.WriteHeader(http.StatusUnauthorized)
		})
	}
}

// FailedOf collects them and answers with the challenge of the scheme that
// failed last, by its index: order-safe.
func FailedOf(schemes ...Scheme) Middleware {
	challenges := make([]string, 0, len(schemes))
	for _, s := range schemes {
		challenges = append(challenges, s.Challenge())
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			failed := -1
			for i, s := range schemes {
				if err := s.Authenticate(r); err == nil {
					next.ServeHTTP(w, r)
					return
				} else if !errors.Is(err, ErrNoCredentials) {
					failed = i
				}
			}
			if failed >= 0 {
				w.Header().Set("WWW-Authenticate", challenges[failed])
			}
			w.WriteHeader(http.StatusUnauthorized)
		})
	}
}

// Guarded tries its schemes in a closure and hands them to deny, which
// asks the last of them, whatever failed: the lookup and the loop are over
// one collection, handed from one function to the other.
func Guarded(schemes ...Scheme) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, s := range schemes {
			if s.Authenticate(r) == nil {
				return
			}
		}
		deny(w, schemes)
	})
}

func deny(w http.ResponseWriter, schemes []Scheme) {
	if ch := schemes[len(schemes)-1].Challenge(); ch != "" { // want `challenge taken from the last of schemes whatever failed`
		w.Header().Set("WWW-Authenticate", ch)
	}
	w.WriteHeader(http.StatusUnauthorized)
}

// Fallback answers with the first of a list of its own that no loop
// tries: one scheme asked, not a chain's order.
func Fallback(w http.ResponseWriter, primary, secondary Scheme) {
	denyFirst(w, []Scheme{primary, secondary})
}

func denyFirst(w http.ResponseWriter, schemes []Scheme) {
	w.Header().Set("WWW-Authenticate", schemes[0].Challenge()) // silent: no loop tried this list
	w.WriteHeader(http.StatusUnauthorized)
}

// Gate keeps the scheme its loop tried last and hands it to reject, which
// asks it for the challenge: the last scheme, whatever failed.
type Gate struct{ schemes []Scheme }

func (g *Gate) identify(r *http.Request) (Scheme, error) {
	var s Scheme
	for _, s = range g.schemes {
		if s.Authenticate(r) == nil {
			return s, nil
		}
	}
	return s, ErrNoCredentials
}

func (g *Gate) reject(w http.ResponseWriter, s Scheme) {
	if s != nil {
		w.Header().Set("WWW-Authenticate", s.Challenge()) // want `challenge taken from the last of Gate.schemes whatever failed`
	}
	w.WriteHeader(http.StatusUnauthorized)
}

func (g *Gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s, err := g.identify(r); err != nil {
		g.reject(w, s)
	}
}

// FailGate keeps the scheme whose check failed, and hands that one on:
// order-safe, silent.
type FailGate struct{ schemes []Scheme }

func (g *FailGate) failed(r *http.Request) Scheme {
	var bad Scheme
	for _, s := range g.schemes {
		err := s.Authenticate(r)
		if err == nil {
			return nil
		}
		if !errors.Is(err, ErrNoCredentials) {
			bad = s
			break
		}
	}
	return bad
}

func (g *FailGate) reject(w http.ResponseWriter, s Scheme) {
	w.Header().Set("WWW-Authenticate", s.Challenge()) // silent: the failing scheme
	w.WriteHeader(http.StatusUnauthorized)
}

func (g *FailGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s := g.failed(r); s != nil {
		g.reject(w, s)
	}
}
