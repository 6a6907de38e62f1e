// Package authfunc: interceptors that run credential checks through
// function values (of a named type declared in another package, of a local
// one, or handed as a parameter), answer codes from variables, and map
// errors to codes.
package authfunc

import (
	"context"
	"errors"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"grpcauthcode/authfunc/authfn"
)

type stream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *stream) Context() context.Context { return s.ctx }

// Stream runs a Check: its values (authfn.FromMetadata) read the bearer
// token of the call's metadata.
func Stream(check authfn.Check) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		ctx, err := check(ss.Context())
		if err != nil {
			return status.Error(codes.PermissionDenied, err.Error()) // want `PermissionDenied answers an authentication failure`
		}
		if authfn.Member(ctx, "ops") != nil {
			return status.Error(codes.PermissionDenied, "ops only") // silent: authenticated, not allowed
		}
		return handler(srv, &stream{ServerStream: ss, ctx: ctx})
	}
}

// Hooked runs a Hook: none of its values reads credentials.
func Hooked(h authfn.Hook) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		ctx, err := h(ss.Context())
		if err != nil {
			return status.Error(codes.PermissionDenied, "refused") // silent: a Hook checks no credentials
		}
		return handler(srv, &stream{ServerStream: ss, ctx: ctx})
	}
}

// apiKeyCheck is a local func type; its one value reads the metadata.
type apiKeyCheck func(ctx context.Context) (string, error)

var errNoKey = errors.New("no key")

func keyFromMD(ctx context.Context) (string, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return "", errNoKey
	}
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return "", errNoKey
	}
	return vals[0], nil
}

var keyCheck apiKeyCheck = keyFromMD

// Keyed answers a failed key check with PermissionDenied.
func Keyed(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if _, err := keyCheck(ctx); err != nil {
		return nil, status.Error(codes.PermissionDenied, "bad key") // want `PermissionDenied answers an authentication failure`
	}
	return handler(ctx, req)
}

// withCheck takes its check as a parameter of an unnamed func type; the
// package hands it keyFromMD.
func withCheck(check func(context.Context) (string, error)) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if _, err := check(ctx); err != nil {
			return nil, status.Error(codes.PermissionDenied, "denied") // want `PermissionDenied answers an authentication failure`
		}
		return handler(ctx, req)
	}
}

// withQuota takes a check that reads no credentials.
func withQuota(charge func(context.Context) (string, error)) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if _, err := charge(ctx); err != nil {
			return nil, status.Error(codes.PermissionDenied, "over quota") // silent: its values check no credentials
		}
		return handler(ctx, req)
	}
}

func chargeCall(ctx context.Context) (string, error) {
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	return "ok", nil
}

// Interceptors are the package's unary interceptors.
var Interceptors = []grpc.UnaryServerInterceptor{withCheck(keyFromMD), withQuota(chargeCall)}

// Identify answers an expired or revoked token with PermissionDenied
// through a code variable.
func Identify(ctx context.Context, v authfn.Verifier) (string, error) {
	code := codes.Unauthenticated
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return "", status.Error(code, "no token")
	}
	sub, err := v.Verify(ctx, vals[0])
	if errors.Is(err, authfn.ErrRevoked) {
		code = codes.PermissionDenied // want `PermissionDenied assigned on an authentication failure`
	}
	if err != nil {
		return "", status.Error(code, "token rejected")
	}
	return sub, nil
}

// Admit holds PermissionDenied only once the caller is known.
func Admit(ctx context.Context, v authfn.Verifier) error {
	code := codes.Unauthenticated
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return status.Error(code, "no token")
	}
	sub, err := v.Verify(ctx, vals[0])
	if err != nil {
		return status.Error(code, "token rejected")
	}
	if sub != "admin" {
		code = codes.PermissionDenied // silent: an authenticated caller who may not act
	}
	if code != codes.Unauthenticated {
		return status.Error(code, "admins only")
	}
	return nil
}

// Gate decides the code on the failure path and answers it later.
func Gate(ctx context.Context, v authfn.Verifier) error {
	code := codes.OK
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return status.Error(codes.Unauthenticated, "no token")
	}
	if _, err := v.Verify(ctx, vals[0]); err != nil {
		code = codes.PermissionDenied // want `PermissionDenied assigned on an authentication failure \(the credential check Verify`
	}
	if code != codes.OK {
		return status.Error(code, "rejected")
	}
	return nil
}

// codeOf maps the errors of Checks and policies to codes.
func codeOf(err error) codes.Code {
	switch {
	case errors.Is(err, authfn.ErrNoToken):
		return codes.PermissionDenied // want `code mapping answers an authentication failure \(the error is ErrNoToken\) with PermissionDenied`
	case errors.Is(err, authfn.ErrNotMember):
		return codes.PermissionDenied // silent: an authorization error
	case errors.Is(err, errBusy):
		return codes.PermissionDenied // silent: no failure of a check reaches it
	}
	return codes.Internal
}

var errBusy = errors.New("busy") // want errBusy:"maps to PermissionDenied at authfunc.go:175"

func busy(n int) error {
	if n > 10 {
		return errBusy
	}
	return nil
}

// Unary runs a Check and maps its error with codeOf.
func Unary(check authfn.Check) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		newCtx, err := check(ctx)
		if err != nil {
			return nil, status.Error(codeOf(err), err.Error())
		}
		if err := busy(1); err != nil {
			return nil, status.Error(codeOf(err), "busy")
		}
		return handler(newCtx, req)
	}
}
