// Package devicekey: devices authenticate with a key in the metadata, read
// under another spelling of the header's name; a package-level status
// error is returned on the failure path.
package devicekey

import (
	"context"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// HeaderKey is the HTTP spelling of the key's header.
const HeaderKey = "X-Device-Key"

// Keys finds a device by its key.
type Keys interface {
	Find(ctx context.Context, key string) (string, error)
}

// errBadKey answers an unknown key.
var errBadKey = status.Error(codes.PermissionDenied, "unknown device key") // want `PermissionDenied in errBadKey answers an authentication failure \(the credential check Find \(X-Device-Key metadata\) failed\) where it is returned \(devicekey.go:\d+\)`

// errRetired answers a known device that may no longer call: silent.
var errRetired = status.Error(codes.PermissionDenied, "device retired")

// Device authenticates a device's call.
func Device(ctx context.Context, keys Keys) (string, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get(strings.ToLower(HeaderKey))
	if len(vals) == 0 {
		return "", status.Error(codes.Unauthenticated, "device key required")
	}
	id, err := keys.Find(ctx, vals[0])
	if err != nil {
		return "", errBadKey
	}
	if strings.HasPrefix(id, "retired-") {
		return "", errRetired
	}
	return id, nil
}

// DeviceDirect answers the failed lookup with PermissionDenied in place.
func DeviceDirect(ctx context.Context, keys Keys) (string, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get(strings.ToLower(HeaderKey))
	if len(vals) == 0 {
		return "", status.Error(codes.Unauthenticated, "device key required")
	}
	id, err := keys.Find(ctx, vals[0])
	if err != nil {
		return "", status.Error(codes.PermissionDenied, "unknown device key") // want `PermissionDenied answers an authentication failure`
	}
	return id, nil
}

// value reads one metadata value by the name its callers give.
func value(md metadata.MD, name string) string {
	if vs := md.Get(name); len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// DeviceViaHelper reads the key through value, which every caller hands
// the key's name: the value is that header.
func DeviceViaHelper(ctx context.Context, keys Keys) (string, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	key := value(md, strings.ToLower(HeaderKey))
	id, err := keys.Find(ctx, key)
	if err != nil {
		return "", status.Error(codes.PermissionDenied, "unknown device key") // want `PermissionDenied answers an authentication failure \(the credential check Find \(gRPC metadata\) failed\)`
	}
	return id, nil
}

// trace reads one metadata value by the name its callers give; they give
// several, so its value is no particular header.
func trace(md metadata.MD, name string) string {
	if vs := md.Get(name); len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Lookup checks a request id (no credential) and a tenant: silent.
func Lookup(ctx context.Context, keys Keys) (string, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	tenant := trace(md, "x-tenant")
	if _, err := keys.Find(ctx, trace(md, "x-request-id")); err != nil {
		return "", status.Error(codes.PermissionDenied, "unknown request") // silent: the name differs by caller
	}
	return tenant, nil
}
