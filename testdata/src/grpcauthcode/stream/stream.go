// Package stream: gRPC interceptors whose token comes from a helper in
// another package.
package stream

import (
	"context"
	"errors"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"failure/tokens"
)

// Stream authenticates streams.
func Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	tok, err := tokens.FromMD(ss.Context())
	if err != nil {
		return status.Error(codes.PermissionDenied, "no token") // want `PermissionDenied answers an authentication failure \(the authorization metadata is missing or malformed\)`
	}
	sub, err := tokens.Parse(tok, 0)
	if err != nil {
		return status.Errorf(codes.PermissionDenied, "bad token: %v", err) // want `PermissionDenied answers an authentication failure \(the credential check Parse \(authorization metadata\) failed\)`
	}
	if sub != "admin" {
		return status.Error(codes.PermissionDenied, "admins only") // silent: authenticated, not allowed
	}
	return handler(srv, ss)
}

// toStatus maps the errors of a failed token check to codes.
func toStatus(err error) error {
	switch {
	case errors.Is(err, tokens.ErrExpired):
		return status.Error(codes.PermissionDenied, "expired") // want `PermissionDenied answers an authentication failure \(the error is ErrExpired\)`
	case errors.Is(err, tokens.ErrQuota):
		return status.Error(codes.PermissionDenied, "over quota") // silent: not an authentication error
	}
	return status.Error(codes.Internal, "internal")
}

// Unary authenticates unary calls.
func Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	tok, err := tokens.FromMD(ctx)
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "no token") // silent: the right code
	}
	if _, err := tokens.Parse(tok, 0); err != nil {
		return nil, toStatus(err)
	}
	return handler(ctx, req)
}

// Authorizer is a check the code cannot see into.
type Authorizer interface {
	Allow(ctx context.Context) error
}

// Opaque answers an unseen check with PermissionDenied: silent.
func Opaque(a Authorizer) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if err := a.Allow(ctx); err != nil {
			return nil, status.Error(codes.PermissionDenied, "denied") // silent: what Allow checks is not visible
		}
		return handler(ctx, req)
	}
}
