package gin

type ErrorType uint64

const (
	ErrorTypeBind    ErrorType = 1 << 63
	ErrorTypeRender  ErrorType = 1 << 62
	ErrorTypePrivate ErrorType = 1 << 0
	ErrorTypePublic  ErrorType = 1 << 1
	ErrorTypeAny     ErrorType = 1<<64 - 1
)

type Error struct {
	Err  error
	Type ErrorType
	Meta any
}

func (msg *Error) SetType(flags ErrorType) *Error { msg.Type = flags; return msg }

func (msg *Error) SetMeta(data any) *Error { msg.Meta = data; return msg }

func (msg *Error) JSON() any { return nil }

func (msg *Error) MarshalJSON() ([]byte, error) { return nil, nil }

func (msg Error) Error() string { return "" }

func (msg *Error) IsType(flags ErrorType) bool { return false }

func (msg Error) Unwrap() error { return msg.Err }

type errorMsgs []*Error

func (a errorMsgs) ByType(typ ErrorType) errorMsgs { return nil }

func (a errorMsgs) Last() *Error { return nil }

func (a errorMsgs) Errors() []string { return nil }

func (a errorMsgs) JSON() any { return nil }

func (a errorMsgs) MarshalJSON() ([]byte, error) { return nil, nil }

func (a errorMsgs) String() string { return "" }
