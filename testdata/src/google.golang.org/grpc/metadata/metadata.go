// Package metadata is a test stub of the real grpc metadata API subset, written for authchallenge fixtures.
package metadata

import "context"

type MD map[string][]string

func New(m map[string]string) MD { return MD{} }

func Pairs(kv ...string) MD { return MD{} }

func Join(mds ...MD) MD { return MD{} }

func (md MD) Len() int { return len(md) }

func (md MD) Copy() MD { return MD{} }

func (md MD) Get(k string) []string { return nil }

func (md MD) Set(k string, vals ...string) {}

func (md MD) Append(k string, vals ...string) {}

func (md MD) Delete(k string) {}

func (md MD) String() string { return "" }

func NewIncomingContext(ctx context.Context, md MD) context.Context { return ctx }

func NewOutgoingContext(ctx context.Context, md MD) context.Context { return ctx }

func AppendToOutgoingContext(ctx context.Context, kv ...string) context.Context { return ctx }

func FromIncomingContext(ctx context.Context) (MD, bool) { return nil, false }

func ValueFromIncomingContext(ctx context.Context, key string) []string { return nil }

func FromOutgoingContext(ctx context.Context) (MD, bool) { return nil, false }
