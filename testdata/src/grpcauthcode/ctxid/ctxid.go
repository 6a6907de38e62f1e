// Package ctxid: an interceptor keeps the caller it authenticated in the
// call's context; the methods read it back.
package ctxid

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Caller is an authenticated caller.
type Caller struct {
	ID        string
	Librarian bool
}

// Tokens verifies access tokens.
type Tokens interface {
	Verify(ctx context.Context, token string) (*Caller, error)
}

type callerKey struct{}

// CallerFrom returns the caller ctx carries.
func CallerFrom(ctx context.Context) (*Caller, bool) {
	c, ok := ctx.Value(callerKey{}).(*Caller)
	return c, ok
}

// Unary authenticates bearer tokens in the metadata.
func Unary(t Tokens) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		vals := md.Get("authorization")
		if len(vals) == 0 {
			return nil, status.Error(codes.Unauthenticated, "token required")
		}
		tok, ok := strings.CutPrefix(vals[0], "Bearer ")
		if !ok {
			return nil, status.Error(codes.Unauthenticated, "bearer token required")
		}
		c, err := t.Verify(ctx, tok)
		if err != nil {
			return nil, status.Error(codes.Unauthenticated, "invalid token")
		}
		return handler(context.WithValue(ctx, callerKey{}, c), req)
	}
}

// Loans is the loans service.
type Loans struct{}

// Renew renews a loan of the caller's.
func (Loans) Renew(ctx context.Context, id string) error {
	c, ok := CallerFrom(ctx)
	if !ok {
		return status.Error(codes.PermissionDenied, "caller not identified") // want `PermissionDenied answers an authentication failure \(no authenticated identity in the request context\)`
	}
	if !c.Librarian && !strings.HasPrefix(id, c.ID+"/") {
		return status.Error(codes.PermissionDenied, "not your loan")
	}
	return nil
}

// Return takes a loan back: the caller missing answers Unauthenticated.
func (Loans) Return(ctx context.Context, id string) error {
	c, ok := CallerFrom(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "caller not identified")
	}
	if !c.Librarian {
		return status.Error(codes.PermissionDenied, "librarians only")
	}
	return nil
}

// deny answers with the code it is handed.
func deny(code codes.Code, msg string) error { return status.Error(code, msg) }

// Keyed authenticates service keys in the metadata, answering through deny.
func Keyed(keys map[string]string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		vals := md.Get("x-service-key")
		if len(vals) == 0 {
			return nil, deny(codes.Unauthenticated, "service key required")
		}
		name, ok := keys[vals[0]]
		if !ok {
			return nil, deny(codes.PermissionDenied, "unknown service key") // want `PermissionDenied handed to deny answers an authentication failure`
		}
		if name == "readonly" && strings.HasPrefix(info.FullMethod, "/admin.") {
			return nil, deny(codes.PermissionDenied, "read-only key")
		}
		return handler(ctx, req)
	}
}
