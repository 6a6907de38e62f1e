// Package grpcapp holds a gRPC unary auth interceptor. gRPC statuses are not
// HTTP responses, so nochallenge has nothing to report here; later rules use
// this package.
package grpcapp

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type subjectKey struct{}

// Subject returns the caller the interceptor authenticated, if any.
func Subject(ctx context.Context) (string, bool) {
	s, ok := ctx.Value(subjectKey{}).(string)
	return s, ok
}

// Authenticator checks bearer tokens in the "authorization" metadata and the
// role each method needs.
type Authenticator struct {
	// Tokens maps a bearer token to its subject and role.
	Tokens map[string][2]string
	// Roles maps a full method name to the role it needs; methods not listed
	// are open to any authenticated caller.
	Roles map[string]string
}

// Unary is the interceptor.
func (a *Authenticator) Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "missing metadata")
	}
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing authorization metadata")
	}
	tok, found := strings.CutPrefix(vals[0], "Bearer ")
	if !found {
		return nil, status.Error(codes.Unauthenticated, "authorization must use the Bearer scheme")
	}
	who, known := a.Tokens[tok]
	if !known {
		return nil, status.Errorf(codes.Unauthenticated, "unknown token")
	}
	if need, listed := a.Roles[info.FullMethod]; listed && who[1] != need {
		return nil, status.Errorf(codes.PermissionDenied, "%s needs role %q", info.FullMethod, need)
	}
	return handler(context.WithValue(ctx, subjectKey{}, who[0]), req)
}

// ServerOptions returns the options that install the interceptor.
func (a *Authenticator) ServerOptions() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.ChainUnaryInterceptor(a.Unary)}
}
