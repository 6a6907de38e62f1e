package grpcsvc

import (
	"context"
	"errors"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type claims struct{ role string }

func verify(token string) (*claims, error) {
	if token == "" {
		return nil, errors.New("bad token")
	}
	return &claims{}, nil
}

// Interceptor authenticates unary calls.
func Interceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, status.Error(codes.PermissionDenied, "no metadata") // want `^PermissionDenied answers an authentication failure \(no gRPC metadata\): missing or invalid credentials are codes.Unauthenticated; keep PermissionDenied for an authenticated caller who may not act$`
	}
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return nil, status.Errorf(codes.PermissionDenied, "no %s", "token") // want `PermissionDenied answers an authentication failure`
	}
	c, err := verify(vals[0])
	if err != nil {
		return nil, status.New(codes.PermissionDenied, "bad token").Err() // want `PermissionDenied answers an authentication failure \(the credential check verify \(authorization metadata\) failed\)`
	}
	if c.role != "admin" {
		return nil, status.Error(codes.PermissionDenied, "admins only") // silent: authenticated, not allowed
	}
	if len(md.Get("x-tenant")) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no tenant") // silent: the right code
	}
	return handler(ctx, req)
}

// AuthFunc is go-grpc-middleware's auth hook.
func AuthFunc(ctx context.Context) (context.Context, error) {
	token, err := auth.AuthFromMD(ctx, "bearer")
	if err != nil {
		return nil, status.Error(codes.PermissionDenied, err.Error()) // want `PermissionDenied answers an authentication failure`
	}
	if _, err := verify(token); err != nil {
		return nil, status.Error(codes.Unauthenticated, "bad token") // silent: the right code
	}
	return ctx, nil
}

// Legacy keeps PermissionDenied for old clients.
//
//authchallenge:ignore grpcauthcode old clients retry forever on Unauthenticated
func Legacy(ctx context.Context) error {
	if _, ok := metadata.FromIncomingContext(ctx); !ok {
		return status.Error(codes.PermissionDenied, "no metadata")
	}
	return nil
}

// CheckResponse is a protocol message carrying a code as data (as Envoy's
// ext_authz does): silent.
type CheckResponse struct{ Code int32 }

// Check answers an external authorization request.
func Check(ctx context.Context) *CheckResponse {
	if _, ok := metadata.FromIncomingContext(ctx); !ok {
		return &CheckResponse{Code: int32(codes.PermissionDenied)}
	}
	return &CheckResponse{Code: int32(codes.OK)}
}
