package fiber

type Error struct {
	Message string `json:"message"`
	Code    int    `json:"code"`
}

func (e *Error) Error() string { return e.Message }

func NewError(code int, message ...string) *Error { return &Error{Code: code} }

func NewErrorf(code int, message ...any) *Error { return &Error{Code: code} }

func DefaultErrorHandler(c Ctx, err error) error { return nil }

const (
	MethodGet     = "GET"
	MethodHead    = "HEAD"
	MethodPost    = "POST"
	MethodPut     = "PUT"
	MethodPatch   = "PATCH"
	MethodDelete  = "DELETE"
	MethodConnect = "CONNECT"
	MethodOptions = "OPTIONS"
	MethodTrace   = "TRACE"
)

const (
	MIMETextPlain       = "text/plain"
	MIMETextHTML        = "text/html"
	MIMEApplicationJSON = "application/json"
)

const (
	StatusOK                  = 200
	StatusNoContent           = 204
	StatusFound               = 302
	StatusBadRequest          = 400
	StatusUnauthorized        = 401
	StatusForbidden           = 403
	StatusProxyAuthRequired   = 407
	StatusNotFound            = 404
	StatusTooManyRequests     = 429
	StatusInternalServerError = 500
)

var (
	ErrBadRequest          = NewError(StatusBadRequest)
	ErrUnauthorized        = NewError(StatusUnauthorized)
	ErrForbidden           = NewError(StatusForbidden)
	ErrProxyAuthRequired   = NewError(StatusProxyAuthRequired)
	ErrNotFound            = NewError(StatusNotFound)
	ErrTooManyRequests     = NewError(StatusTooManyRequests)
	ErrInternalServerError = NewError(StatusInternalServerError)
)

const (
	HeaderAuthorization      = "Authorization"
	HeaderProxyAuthenticate  = "Proxy-Authenticate"
	HeaderProxyAuthorization = "Proxy-Authorization"
	HeaderWWWAuthenticate    = "WWW-Authenticate"
	HeaderCacheControl       = "Cache-Control"
	HeaderContentType        = "Content-Type"
	HeaderCookie             = "Cookie"
	HeaderSetCookie          = "Set-Cookie"
	HeaderLocation           = "Location"
	HeaderRetryAfter         = "Retry-After"
	HeaderXRequestID         = "X-Request-ID"
)
