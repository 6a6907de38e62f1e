// Package grpc is a test stub of the real grpc server API subset, written for authchallenge fixtures.
package grpc

import (
	"context"
	"net"
	"net/http"

	"google.golang.org/grpc/metadata"
)

type UnaryServerInfo struct {
	Server any

	FullMethod string
}

type UnaryHandler func(ctx context.Context, req any) (any, error)

type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

type StreamServerInfo struct {
	FullMethod string

	IsClientStream bool

	IsServerStream bool
}

type StreamHandler func(srv any, stream ServerStream) error

type StreamServerInterceptor func(srv any, ss ServerStream, info *StreamServerInfo, handler StreamHandler) error

type ServerStream interface {
	SetHeader(metadata.MD) error

	SendHeader(metadata.MD) error

	SetTrailer(metadata.MD)

	Context() context.Context

	SendMsg(m any) error

	RecvMsg(m any) error
}

type ServerTransportStream interface {
	Method() string
	SetHeader(md metadata.MD) error
	SendHeader(md metadata.MD) error
	SetTrailer(md metadata.MD) error
}

type MethodHandler func(srv any, ctx context.Context, dec func(any) error, interceptor UnaryServerInterceptor) (any, error)

type MethodDesc struct {
	MethodName string
	Handler    MethodHandler
}

type StreamDesc struct {
	StreamName string
	Handler    StreamHandler

	ServerStreams bool
	ClientStreams bool
}

type ServiceDesc struct {
	ServiceName string

	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type serverOptions struct {
	unaryInt        UnaryServerInterceptor
	streamInt       StreamServerInterceptor
	chainUnaryInts  []UnaryServerInterceptor
	chainStreamInts []StreamServerInterceptor
}

type ServerOption interface {
	apply(*serverOptions)
}

type funcServerOption struct {
	f func(*serverOptions)
}

func (fdo *funcServerOption) apply(do *serverOptions) { fdo.f(do) }

func UnaryInterceptor(i UnaryServerInterceptor) ServerOption {
	return &funcServerOption{f: func(o *serverOptions) {}}
}

func ChainUnaryInterceptor(interceptors ...UnaryServerInterceptor) ServerOption {
	return &funcServerOption{f: func(o *serverOptions) {}}
}

func StreamInterceptor(i StreamServerInterceptor) ServerOption {
	return &funcServerOption{f: func(o *serverOptions) {}}
}

func ChainStreamInterceptor(interceptors ...StreamServerInterceptor) ServerOption {
	return &funcServerOption{f: func(o *serverOptions) {}}
}

type Server struct {
	opts serverOptions
}

var _ ServiceRegistrar = (*Server)(nil)

func NewServer(opt ...ServerOption) *Server { return &Server{} }

func (s *Server) RegisterService(sd *ServiceDesc, ss any) {}

func (s *Server) Serve(lis net.Listener) error { return nil }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (s *Server) Stop() {}

func (s *Server) GracefulStop() {}

func SetHeader(ctx context.Context, md metadata.MD) error { return nil }

func SendHeader(ctx context.Context, md metadata.MD) error { return nil }

func SetTrailer(ctx context.Context, md metadata.MD) error { return nil }

func Method(ctx context.Context) (string, bool) { return "", false }

func ServerTransportStreamFromContext(ctx context.Context) ServerTransportStream { return nil }
