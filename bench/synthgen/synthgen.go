// Package synthgen generates the synthetic module of HTTP authentication code
// that the benchmarks lint (bench/synth writes it to a directory; the
// response pass's benchmarks load it in memory).
//
// The module (example.com/synth, standard library only) has N packages.
// Most of them are what services are made of: authenticators and chains of
// authenticators, middleware, handlers, error-to-status tables, and helpers
// that set WWW-Authenticate or write 401 for other packages. About one in six
// imports nothing HTTP-related (token parsing and signing). Each package
// imports two or three lower-numbered ones, chosen so that the import graph
// stays about log2(N) deep, and calls their helpers, so that the response
// facts flow between packages. Some paths answer 401 without a challenge, so
// the linter has findings to report. The output is deterministic: the same N
// gives the same bytes.
package synthgen

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
)

// Module is the module path of the generated module.
const Module = "example.com/synth"

// kind is what a package is for.
type kind int

const (
	authn  kind = iota // authenticators, chains, challenge helpers
	mw                 // middleware
	api                // handlers and a router
	errmap             // error-to-status tables and writers
	server             // a ServeHTTP type with a default unauthorized handler
	tokens             // token parsing and signing: imports nothing HTTP-related
)

var kindNames = [...]string{"authn", "mw", "api", "errmap", "server", "tokens"}

func kindOf(i int) kind { return kind(i % 6) }

// Kind names the kind of package i ("authn", "mw", "api", "errmap",
// "server", or "tokens" for the packages that import nothing HTTP-related).
func Kind(i int) string { return kindNames[kindOf(i)] }

// Name is the name (and directory) of package i.
func Name(i int) string { return fmt.Sprintf("%s%04d", Kind(i), i) }

type pkg struct {
	i    int
	kind kind
	name string
	deps []*pkg // lower-numbered HTTP packages whose helpers it calls
	pure *pkg   // a lower-numbered tokens package, or nil
}

func (p *pkg) path() string { return Module + "/" + p.name }

// Generate returns the files of the module with n packages, by slash path.
func Generate(n int) map[string][]byte {
	pkgs := make([]*pkg, n)
	for i := range pkgs {
		pkgs[i] = &pkg{i: i, kind: kindOf(i), name: Name(i)}
	}
	for _, p := range pkgs {
		if p.kind == tokens {
			if c := candidates(pkgs, p.i, func(q *pkg) bool { return q.kind == tokens }); len(c) > 0 {
				p.pure = c[hash(p.i, 1)%uint64(len(c))]
			}
			continue
		}
		c := candidates(pkgs, p.i, func(q *pkg) bool { return q.kind != tokens })
		if len(c) > 0 {
			first := int(hash(p.i, 2) % uint64(len(c)))
			p.deps = append(p.deps, c[first])
			if len(c) > 1 {
				second := int(hash(p.i, 3) % uint64(len(c)-1))
				if second >= first {
					second++
				}
				p.deps = append(p.deps, c[second])
			}
		}
		if c := candidates(pkgs, p.i, func(q *pkg) bool { return q.kind == tokens }); len(c) > 0 {
			p.pure = c[hash(p.i, 4)%uint64(len(c))]
		}
	}

	files := map[string][]byte{
		"go.mod": []byte("module " + Module + "\n\ngo 1.26.0\n"),
		"doc.go": mustFormat("doc.go", []byte(`// Package synth is a synthetic module of HTTP authentication code, written
// by bench/synth for the authchallenge benchmarks (`+fmt.Sprint(n)+` packages).
package synth
`)),
	}
	for _, p := range pkgs {
		for name, src := range p.files() {
			path := p.name + "/" + name
			files[path] = mustFormat(path, src)
		}
	}
	return files
}

// candidates returns the packages below i that match ok, preferring those
// in [i/4, i/2] so that the import graph is about log2(n) deep.
func candidates(pkgs []*pkg, i int, ok func(*pkg) bool) []*pkg {
	var near, all []*pkg
	for j := 0; j < i; j++ {
		if !ok(pkgs[j]) {
			continue
		}
		all = append(all, pkgs[j])
		if j >= i/4 && j <= i/2 {
			near = append(near, pkgs[j])
		}
	}
	if len(near) > 0 {
		return near
	}
	return all
}

// hash is splitmix64 of (i, salt): deterministic choices, no math/rand.
func hash(i, salt int) uint64 {
	x := uint64(i)*0x9E3779B97F4A7C15 + uint64(salt)*0xBF58476D1CE4E5B9
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

func mustFormat(name string, src []byte) []byte {
	out, err := format.Source(src)
	if err != nil {
		panic(fmt.Sprintf("synth: %s: %v\n%s", name, err, src))
	}
	return out
}

// gen accumulates one file.
type gen struct {
	bytes.Buffer
	p *pkg
}

func (g *gen) f(format string, args ...any) { fmt.Fprintf(&g.Buffer, format, args...) }

// r expands the placeholders of a snippet: @D1. and @D2. name the packages
// whose helpers are called (or nothing: this package's own), @T. the tokens
// package (or this package, which then has its own ParseBearer and Equal),
// @REALM the realm, @N a per-snippet number.
func (g *gen) r(snippet string, k int) {
	d1, d2, t := "", "", ""
	if len(g.p.deps) > 0 {
		d1 = g.p.deps[0].name + "."
		d2 = d1
	}
	if len(g.p.deps) > 1 {
		d2 = g.p.deps[1].name + "."
	}
	if g.p.pure != nil {
		t = g.p.pure.name + "."
	}
	s := strings.NewReplacer("@D1.", d1, "@D2.", d2, "@T.", t, "@REALM", g.p.name, "@N", fmt.Sprint(k)).Replace(snippet)
	g.WriteString(s)
}

func (g *gen) imports(std []string, local ...*pkg) {
	g.f("import (\n")
	for _, s := range std {
		g.f("\t%q\n", s)
	}
	if len(local) > 0 {
		g.f("\n")
		seen := map[string]bool{}
		for _, q := range local {
			if q != nil && !seen[q.name] {
				seen[q.name] = true
				g.f("\t%q\n", q.path())
			}
		}
	}
	g.f(")\n\n")
}

func (p *pkg) files() map[string][]byte {
	if p.kind == tokens {
		return map[string][]byte{"tokens.go": p.tokensFile()}
	}
	files := map[string][]byte{
		"auth.go":                 p.authFile(),
		kindNames[p.kind] + ".go": p.kindFile(),
	}
	if p.i%4 == 0 {
		files["auth_test.go"] = p.testFile()
	}
	return files
}

// tokensFile is a package with no HTTP in it: the fast path of the model.
func (p *pkg) tokensFile() []byte {
	g := &gen{p: p}
	g.f("// Package %s parses and signs bearer tokens. It imports nothing HTTP-related.\npackage %s\n\n", p.name, p.name)
	g.imports([]string{"crypto/hmac", "crypto/sha256", "encoding/base64", "errors", "strconv", "strings", "time"}, p.pure)
	g.r(`// ErrMalformed is returned for a token that does not parse.
var ErrMalformed = errors.New("@REALM: malformed token")

// ErrExpired is returned for a token past its expiry.
var ErrExpired = errors.New("@REALM: token expired")

// Claims are what a token says.
type Claims struct {
	Subject string
	Scopes  []string
	Expiry  time.Time
}

// HasScope reports whether the claims grant scope.
func (c Claims) HasScope(scope string) bool {
	for _, s := range c.Scopes {
		if s == scope {
			return true
		}
	}
	return false
}

// ParseBearer extracts the token of an Authorization header value.
func ParseBearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

// Equal compares secrets in constant time.
func Equal(a, b string) bool {
	return hmac.Equal([]byte(a), []byte(b))
}

// Sign signs the claims with key.
func Sign(key []byte, c Claims) string {
	payload := c.Subject + "|" + strings.Join(c.Scopes, ",") + "|" + strconv.FormatInt(c.Expiry.Unix(), 10)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// Verify checks a token signed by Sign.
func Verify(key []byte, tok string, now time.Time) (Claims, error) {
	body, sig, ok := strings.Cut(tok, ".")
	if !ok {
		return Claims{}, ErrMalformed
	}
	payload, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return Claims{}, ErrMalformed
	}
	mac := hmac.New(sha256.New, key)
	mac.Write(payload)
	if !Equal(base64.RawURLEncoding.EncodeToString(mac.Sum(nil)), sig) {
		return Claims{}, ErrMalformed
	}
	parts := strings.Split(string(payload), "|")
	if len(parts) != 3 {
		return Claims{}, ErrMalformed
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return Claims{}, ErrMalformed
	}
	c := Claims{Subject: parts[0], Expiry: time.Unix(exp, 0)}
	if parts[1] != "" {
		c.Scopes = strings.Split(parts[1], ",")
	}
	if now.After(c.Expiry) {
		return c, ErrExpired
	}
	return c, nil
}
`, 0)
	if p.pure != nil {
		g.r(`
// Normalize trims a token the way the lower layer does.
func Normalize(h string) string {
	if tok, ok := @T.ParseBearer(h); ok {
		return tok
	}
	return ""
}
`, 0)
	}
	for k := 0; k < 3+p.i%4; k++ {
		g.r(`
// Scope@N builds a scope name.
func Scope@N(resource string, write bool) string {
	var b strings.Builder
	b.WriteString(resource)
	if write {
		b.WriteString(":write")
	} else {
		b.WriteString(":read")
	}
	for i := 0; i < @N; i++ {
		b.WriteByte('+')
	}
	return b.String()
}
`, k)
	}
	return g.Bytes()
}

// authFile is the API every HTTP package offers its importers.
func (p *pkg) authFile() []byte {
	g := &gen{p: p}
	g.f("// Package %s is synthetic HTTP authentication code (%s), generated by bench/synth.\npackage %s\n\n", p.name, kindNames[p.kind], p.name)
	local := append([]*pkg{}, p.deps...)
	g.imports([]string{"errors", "net/http", "strings"}, append(local, p.pure)...)
	g.r(`const realm = "@REALM"

// HeaderChallenge is the challenge header.
const HeaderChallenge = "WWW-Authenticate"

var (
	// ErrNoCredentials: the request carries no credentials.
	ErrNoCredentials = errors.New("@REALM: no credentials")
	// ErrBadCredentials: the credentials are wrong.
	ErrBadCredentials = errors.New("@REALM: bad credentials")
	// ErrForbidden: known caller, not allowed.
	ErrForbidden = errors.New("@REALM: forbidden")
)

// Principal is an authenticated caller.
type Principal struct {
	Name  string
	Roles []string
}

// Has reports whether the principal has role.
func (p Principal) Has(role string) bool {
	for _, r := range p.Roles {
		if strings.EqualFold(r, role) {
			return true
		}
	}
	return false
}

// Authenticator authenticates a request.
type Authenticator interface {
	Authenticate(r *http.Request) (Principal, error)
}

// AuthenticatorFunc adapts a function.
type AuthenticatorFunc func(r *http.Request) (Principal, error)

// Authenticate calls f.
func (f AuthenticatorFunc) Authenticate(r *http.Request) (Principal, error) { return f(r) }

// Chain tries each authenticator in turn.
type Chain []Authenticator

// Authenticate returns the first success, or the most specific failure.
func (c Chain) Authenticate(r *http.Request) (Principal, error) {
	err := ErrNoCredentials
	for _, a := range c {
		p, e := a.Authenticate(r)
		if e == nil {
			return p, nil
		}
		if !errors.Is(e, ErrNoCredentials) {
			err = e
		}
	}
	return Principal{}, err
}

// Basic checks HTTP basic credentials.
type Basic struct{ Users map[string]string }

// Authenticate implements Authenticator.
func (b Basic) Authenticate(r *http.Request) (Principal, error) {
	user, pass, ok := r.BasicAuth()
	if !ok {
		return Principal{}, ErrNoCredentials
	}
	want, ok := b.Users[user]
	if !ok || !@T.Equal(want, pass) {
		return Principal{}, ErrBadCredentials
	}
	return Principal{Name: user}, nil
}

// Bearer checks bearer tokens.
type Bearer struct{ Tokens map[string]Principal }

// Authenticate implements Authenticator.
func (b Bearer) Authenticate(r *http.Request) (Principal, error) {
	tok, ok := @T.ParseBearer(r.Header.Get("Authorization"))
	if !ok {
		return Principal{}, ErrNoCredentials
	}
	p, ok := b.Tokens[tok]
	if !ok {
		return Principal{}, ErrBadCredentials
	}
	return p, nil
}

// Challenge sets the challenge of realm.
func Challenge(w http.ResponseWriter, realm string) {
	w.Header().Set(HeaderChallenge, "Bearer realm=\""+realm+"\"")
}

// Deny answers 401 and leaves the challenge to its callers.
func Deny(w http.ResponseWriter, msg string) {
	http.Error(w, msg, http.StatusUnauthorized)
}

// WriteStatus writes the status it is given.
func WriteStatus(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(msg))
}

// Unauthorized answers 401 with a challenge, through the lower layer.
func Unauthorized(w http.ResponseWriter) {
	@D1.Challenge(w, realm)
	@D1.WriteStatus(w, http.StatusUnauthorized, "unauthorized")
}

var statusOf = map[error]int{
	ErrNoCredentials:  http.StatusUnauthorized,
	ErrBadCredentials: http.StatusUnauthorized,
	ErrForbidden:      http.StatusForbidden,
}

// Fail answers for an authentication error.
func Fail(w http.ResponseWriter, err error) {
	code, ok := statusOf[err]
	if !ok {
		code = http.StatusInternalServerError
	}
	if code == http.StatusUnauthorized {
		Challenge(w, realm)
	}
	WriteStatus(w, code, err.Error())
}

// Require lets through requests that a authenticates.
func Require(a Authenticator, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := a.Authenticate(r); err != nil {
			Fail(w, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}
`, 0)
	if p.pure == nil {
		g.r(`
// ParseBearer extracts the token of an Authorization header value.
func ParseBearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return "", false
	}
	return tok, true
}

// Equal compares secrets.
func Equal(a, b string) bool { return a == b }
`, 0)
	}
	for k, d := range p.deps {
		g.f(`
// FromDep%d adapts the chain of %s.
func FromDep%d(c %s.Chain) Authenticator {
	return AuthenticatorFunc(func(r *http.Request) (Principal, error) {
		q, err := c.Authenticate(r)
		switch {
		case err == nil:
			return Principal{Name: q.Name, Roles: q.Roles}, nil
		case errors.Is(err, %s.ErrNoCredentials):
			return Principal{}, ErrNoCredentials
		}
		return Principal{}, ErrBadCredentials
	})
}
`, k, d.name, k, d.name, d.name)
	}
	return g.Bytes()
}

// The handler snippets, picked per package: some answer 401 properly, some
// without a challenge (the linter's findings), some have nothing to do with
// authentication.
var handlers = []string{
	// basic auth, challenge set inline and by a local helper
	`
// HandleBasic@N answers with basic authentication.
func HandleBasic@N(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok {
		w.Header().Set("WWW-Authenticate", "Basic realm=\"@REALM\", charset=\"UTF-8\"")
		http.Error(w, "authentication required", http.StatusUnauthorized)
		return
	}
	if !@T.Equal(pass, "secret-"+user) {
		Challenge(w, realm)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	fmt.Fprintf(w, "hello %s\n", user)
}
`,
	// bearer, bare 401 on one path (finding)
	`
// HandleToken@N checks a bearer token.
func HandleToken@N(w http.ResponseWriter, r *http.Request) {
	tok, ok := @T.ParseBearer(r.Header.Get("Authorization"))
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if len(tok) < 8 {
		@D1.Challenge(w, realm)
		http.Error(w, "invalid token", http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"token": tok[:8]})
}
`,
	// a chain and the error table
	`
// HandleChain@N authenticates with a chain and answers through Fail.
func HandleChain@N(users map[string]string, tokens map[string]Principal) http.HandlerFunc {
	chain := Chain{Basic{Users: users}, Bearer{Tokens: tokens}}
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := chain.Authenticate(r)
		if err != nil {
			Fail(w, err)
			return
		}
		if !p.Has("reader") {
			Fail(w, ErrForbidden)
			return
		}
		fmt.Fprintf(w, "%s may read\n", p.Name)
	}
}
`,
	// role check: 403 right, and a 401 after an authorization check (finding)
	`
// HandleAdmin@N is for administrators.
func HandleAdmin@N(a Authenticator) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := a.Authenticate(r)
		if err != nil {
			Unauthorized(w)
			return
		}
		if !p.Has("admin") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodDelete && !p.Has("owner") {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
`,
	// helpers of the lower layers: challenge then status, and a bare Deny (finding)
	`
// HandleLayered@N answers through the helpers of the lower layers.
func HandleLayered@N(w http.ResponseWriter, r *http.Request) {
	for _, h := range []string{"X-Api-Key", "Authorization"} {
		v := r.Header.Get(h)
		switch {
		case v == "":
			continue
		case strings.HasPrefix(v, "Basic "):
			@D2.Challenge(w, realm)
			@D2.WriteStatus(w, http.StatusUnauthorized, "basic is not accepted here")
			return
		case len(v) > 512:
			@D1.WriteStatus(w, http.StatusRequestHeaderFieldsTooLarge, "header too large")
			return
		}
		fmt.Fprintf(w, "authenticated by %s\n", h)
		return
	}
	@D2.Deny(w, "no credentials")
}
`,
	// a closure given to Require, and a 401 after the challenge
	`
// Mount@N mounts the protected routes.
func Mount@N(mux *http.ServeMux, a Authenticator) {
	mux.Handle("/v@N/items", Require(a, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("sig") == "" {
			Challenge(w, realm)
			@D1.Deny(w, "signature required")
			return
		}
		w.WriteHeader(http.StatusOK)
	})))
	mux.HandleFunc("/v@N/health", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("ok"))
	})
}
`,
	// nothing to do with authentication
	`
type item@N struct {
	ID   int    ` + "`json:\"id\"`" + `
	Name string ` + "`json:\"name\"`" + `
}

// HandleItems@N lists items.
func HandleItems@N(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	switch {
	case err != nil:
		http.Error(w, "bad n", http.StatusBadRequest)
		return
	case n > 100:
		http.Error(w, "too many", http.StatusRequestEntityTooLarge)
		return
	}
	items := make([]item@N, 0, n)
	for i := 0; i < n; i++ {
		items = append(items, item@N{ID: i, Name: "item" + strconv.Itoa(i)})
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(items); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
`,
	// a forward proxy: 407 with Proxy-Authenticate
	`
// HandleProxy@N is a forward proxy's authentication step.
func HandleProxy@N(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Proxy-Authorization") == "" {
		w.Header().Set("Proxy-Authenticate", "Basic realm=\"proxy\"")
		w.WriteHeader(http.StatusProxyAuthRequired)
		return
	}
	r.Header.Del("Proxy-Authorization")
	w.WriteHeader(http.StatusNoContent)
}
`,
}

// kindFile is the package's own code: a few handlers and what its kind adds.
func (p *pkg) kindFile() []byte {
	g := &gen{p: p}
	g.f("package %s\n\n", p.name)
	g.imports([]string{"encoding/json", "errors", "fmt", "net/http", "strconv", "strings"}, append(append([]*pkg{}, p.deps...), p.pure)...)
	// Keep every import used whatever snippets are picked.
	g.r(`var (
	_ = json.Marshal
	_ = errors.New
	_ = fmt.Sprint
	_ = strconv.Itoa
	_ = strings.Cut
	_ = @T.Equal
	_ = @D1.Challenge
	_ = @D2.Deny
)
`, 0)
	nh := 4 + p.i%4
	for k := 0; k < nh; k++ {
		g.r(handlers[(int(hash(p.i, 10+k)%uint64(len(handlers)))+k)%len(handlers)], k)
	}
	switch p.kind {
	case authn:
		g.r(`
// DefaultChain is the chain services use: session-less basic, then bearer,
// then the lower layers' chains.
func DefaultChain(users map[string]string, tokens map[string]Principal, lower ...Authenticator) Chain {
	c := Chain{Basic{Users: users}, Bearer{Tokens: tokens}}
	return append(c, lower...)
}

// APIKey checks an API key header.
type APIKey struct {
	Header string
	Keys   map[string]Principal
}

// Authenticate implements Authenticator.
func (k APIKey) Authenticate(r *http.Request) (Principal, error) {
	v := r.Header.Get(k.Header)
	if v == "" {
		return Principal{}, ErrNoCredentials
	}
	for key, p := range k.Keys {
		if @T.Equal(key, v) {
			return p, nil
		}
	}
	return Principal{}, ErrBadCredentials
}
`, 0)
	case mw:
		g.r(`
// Middleware authenticates and authorizes requests.
type Middleware struct {
	Auth         Authenticator
	Role         string
	unauthorized func(w http.ResponseWriter, r *http.Request)
}

func defaultUnauthorized(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "unauthorized", http.StatusUnauthorized)
}

// NewMiddleware returns the middleware with the default unauthorized handler.
func NewMiddleware(a Authenticator, role string) *Middleware {
	return &Middleware{Auth: a, Role: role, unauthorized: defaultUnauthorized}
}

// Wrap protects next.
func (m *Middleware) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := m.Auth.Authenticate(r)
		switch {
		case errors.Is(err, ErrNoCredentials):
			Challenge(w, realm)
			m.unauthorized(w, r)
			return
		case err != nil:
			@D1.Challenge(w, realm)
			@D1.Deny(w, "invalid credentials")
			return
		case m.Role != "" && !p.Has(m.Role):
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Bare is a middleware that forgets the challenge.
func Bare(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Stack applies middleware in order.
func Stack(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}
`, 0)
	case api:
		g.r(`
// Routes builds the router.
func Routes(a Authenticator) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/api/", Require(a, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.URL.Path))
	})))
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if _, err := a.Authenticate(r); err != nil {
			Fail(w, err)
			return
		}
		http.Redirect(w, r, "/", http.StatusSeeOther)
	})
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		tok, ok := @T.ParseBearer(r.Header.Get("Authorization"))
		if !ok {
			@D1.Challenge(w, realm)
			@D1.WriteStatus(w, http.StatusUnauthorized, "no token")
			return
		}
		fmt.Fprintln(w, len(tok))
	})
	return mux
}
`, 0)
	case errmap:
		g.r(`
// StatusError carries a status.
type StatusError struct {
	Code int
	Err  error
}

func (e *StatusError) Error() string { return http.StatusText(e.Code) + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *StatusError) Unwrap() error { return e.Err }

// Classify maps an error to a status.
func Classify(err error) int {
	switch {
	case errors.Is(err, ErrNoCredentials), errors.Is(err, ErrBadCredentials):
		return http.StatusUnauthorized
	case errors.Is(err, ErrForbidden):
		return http.StatusForbidden
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code
	}
	return http.StatusInternalServerError
}

// WriteError answers for err, with a challenge on 401.
func WriteError(w http.ResponseWriter, err error) {
	code := Classify(err)
	if code == http.StatusUnauthorized {
		@D1.Challenge(w, realm)
	}
	@D2.WriteStatus(w, code, http.StatusText(code))
}

var codes = [...]int{http.StatusUnauthorized, http.StatusForbidden, http.StatusProxyAuthRequired}

// WriteCode answers with one of the table's codes.
func WriteCode(w http.ResponseWriter, i int) {
	w.Header().Set(HeaderChallenge, "Bearer")
	w.Header().Set("Proxy-Authenticate", "Basic")
	w.WriteHeader(codes[i%len(codes)])
}
`, 0)
	case server:
		g.r(`
// Server serves a small API and keeps its unauthorized handler in a field.
type Server struct {
	Auth         Chain
	Unauthorized http.HandlerFunc
	store        map[string]string
}

// NewServer returns a server answering 401 with a challenge by default.
func NewServer(a Chain) *Server {
	return &Server{Auth: a, Unauthorized: func(w http.ResponseWriter, r *http.Request) { Unauthorized(w) }, store: map[string]string{}}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/me":
		s.me(w, r)
	case "/admin":
		s.admin(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	p, err := s.Auth.Authenticate(r)
	if err != nil {
		s.Unauthorized(w, r)
		return
	}
	fmt.Fprintf(w, "hello %s\n", p.Name)
}

func (s *Server) admin(w http.ResponseWriter, r *http.Request) {
	p, err := s.Auth.Authenticate(r)
	if err != nil {
		@D2.Deny(w, "login required")
		return
	}
	if !p.Has("admin") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.store[p.Name] = r.URL.RawQuery
	w.WriteHeader(http.StatusNoContent)
}
`, 0)
	}
	return g.Bytes()
}

func (p *pkg) testFile() []byte {
	g := &gen{p: p}
	g.f("package %s\n\n", p.name)
	g.imports([]string{"net/http", "net/http/httptest", "testing"})
	g.r(`func TestUnauthorizedChallenges(t *testing.T) {
	rec := httptest.NewRecorder()
	Unauthorized(rec)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401", rec.Code)
	}
	if rec.Header().Get("WWW-Authenticate") == "" {
		t.Fatal("no challenge")
	}
}

func TestRequire(t *testing.T) {
	h := Require(Chain{Basic{Users: map[string]string{"a": "b"}}}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401", rec.Code)
	}
}
`, 0)
	return g.Bytes()
}
