// want package:`keeps identities under grpcauthcode/authfunc/authfn.subjectKey\{\} \(challenge-bearing\)`

// Package authfn declares the function types interceptors run, and builds
// their values: the credential checks a call through them makes.
package authfn

import (
	"context"
	"errors"
	"strings"

	"google.golang.org/grpc/metadata"
)

// ErrNoToken is returned when the call carries no bearer token.
var ErrNoToken = errors.New("no token") // want ErrNoToken:`unauthenticated \(challenge-bearing\)`

// ErrRevoked is returned by verifiers of other packages; no code here
// returns it.
var ErrRevoked = errors.New("revoked")

// ErrNotMember is returned to an authenticated caller outside the team
// (its fact is speculative: Member compares its team parameter, which
// callers might hand a credential; it counts on no error of unknown origin).
var ErrNotMember = errors.New("not a member") // want ErrNotMember:`unauthenticated \(unknown\)`

// Verifier checks a token and returns its subject.
type Verifier interface {
	Verify(ctx context.Context, tok string) (string, error)
}

// Check authenticates a call and returns the context to run it with.
type Check func(ctx context.Context) (context.Context, error) // want Check:`function values read challenge-bearing credentials`

// Hook runs before a call; its values read no credentials.
type Hook func(ctx context.Context) (context.Context, error) // want Hook:`function values: not all read credentials`

type subjectKey struct{}

// FromMetadata builds the Check of bearer tokens in the call's metadata.
func FromMetadata(v Verifier) Check {
	return func(ctx context.Context) (context.Context, error) {
		md, ok := metadata.FromIncomingContext(ctx)
		if !ok {
			return nil, ErrNoToken
		}
		vals := md.Get("authorization")
		if len(vals) == 0 {
			return nil, ErrNoToken
		}
		tok, found := strings.CutPrefix(vals[0], "Bearer ")
		if !found {
			return nil, ErrNoToken
		}
		sub, err := v.Verify(ctx, tok)
		if err != nil {
			return nil, err
		}
		return context.WithValue(ctx, subjectKey{}, sub), nil
	}
}

// Subject returns the subject a Check stored.
func Subject(ctx context.Context) string { // want Subject:`returns the value kept under grpcauthcode/authfunc/authfn.subjectKey\{\}`
	s, _ := ctx.Value(subjectKey{}).(string)
	return s
}

// Member says whether the caller belongs to the team.
func Member(ctx context.Context, team string) error {
	if !strings.HasPrefix(Subject(ctx), team+"/") {
		return ErrNotMember
	}
	return nil
}

// Deadline is a Hook that refuses calls without a deadline.
func Deadline(ctx context.Context) (context.Context, error) {
	if _, ok := ctx.Deadline(); !ok {
		return nil, errors.New("no deadline")
	}
	return ctx, nil
}

// Hooks are the hooks every service runs.
var Hooks = []Hook{Deadline}
