using System.Net;
using System.Text;
using IdcAdmin.Core.Aws;
using IdcAdmin.Core.IdentityStore.Model;
using IdcAdmin.Core.Tests.Infrastructure;
using Xunit;

namespace IdcAdmin.Core.Tests.Transport;

/// <summary>AWS JSON 1.1 error responses in their several spellings become the typed exception with AWS's message and request id.</summary>
public sealed class ErrorParsingTests
{
    private static HttpResponseMessage Response(HttpStatusCode status, string body, string? errorType = null, string? requestId = "req-123", string mediaType = "application/x-amz-json-1.1")
    {
        var r = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (errorType != null) r.Headers.TryAddWithoutValidation("x-amzn-ErrorType", errorType);
        if (requestId != null) r.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        return r;
    }

    private static AwsServiceException Parse(HttpResponseMessage r) =>
        AwsErrorParser.Parse(r.StatusCode, r, r.Content.ReadAsStringAsync().Result, "identitystore", "DescribeUser");

    [Fact]
    public void The_header_error_type_wins_over_the_body_and_its_suffix_is_stripped()
    {
        var e = Parse(Response(HttpStatusCode.BadRequest, """{"__type":"ValidationException","message":"m"}""",
            errorType: "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.identitystore/"));
        Assert.IsType<AwsNotFoundException>(e);
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
    }

    [Theory]
    [InlineData("com.amazonaws.swbexternalservice#ConflictException", "ConflictException", typeof(AwsConflictException))]
    [InlineData("AccessDeniedException", "AccessDeniedException", typeof(AwsAccessDeniedException))]
    [InlineData("aws.protocoltests#ThrottlingException:http://x/y", "ThrottlingException", typeof(AwsThrottlingException))]
    [InlineData("ServiceQuotaExceededException", "ServiceQuotaExceededException", typeof(AwsQuotaExceededException))]
    [InlineData("ConstraintViolationException", "ConstraintViolationException", typeof(AwsValidationException))]
    [InlineData("SomethingNewException", "SomethingNewException", typeof(AwsServiceException))]
    public void The_body_type_is_read_without_namespace_and_suffix(string type, string code, Type expected)
    {
        var e = Parse(Response(HttpStatusCode.BadRequest, $$"""{"__type":"{{type}}","message":"the message"}"""));
        Assert.IsType(expected, e);
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal("the message", e.AwsMessage);
    }

    [Theory]
    [InlineData("""{"__type":"ValidationException","message":"lower"}""", "lower")]
    [InlineData("""{"__type":"ValidationException","Message":"upper"}""", "upper")]
    public void The_message_is_read_in_either_case(string body, string message)
    {
        var e = Parse(Response(HttpStatusCode.BadRequest, body));
        Assert.Equal(message, e.AwsMessage);
        Assert.Equal($"identitystore DescribeUser failed: ValidationException: {message} (request id req-123)", e.Message);
    }

    [Fact]
    public void The_request_id_and_reason_are_kept()
    {
        var e = Parse(Response(HttpStatusCode.BadRequest, """{"__type":"ConflictException","Message":"dup","Reason":"UNIQUENESS_CONSTRAINT_VIOLATION"}""", requestId: "4f1c-abc"));
        Assert.Equal("4f1c-abc", e.RequestId);
        Assert.True(((AwsConflictException)e).IsUniquenessViolation);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
    }

    [Fact]
    public void A_JSON_500_without_a_type_is_a_retryable_internal_error()
    {
        var e = Parse(Response(HttpStatusCode.InternalServerError, "{}"));
        Assert.Equal("InternalServerException", e.ErrorCode);
        Assert.True(e.IsRetryable);
    }

    [Fact]
    public void An_HTML_500_is_a_clear_typed_error_that_is_not_retried()
    {
        const string html = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>";
        var e = Assert.IsType<AwsUnexpectedResponseException>(Parse(Response(HttpStatusCode.InternalServerError, html, requestId: null, mediaType: "text/html")));
        Assert.Equal("text/html", e.ContentType);
        Assert.False(e.IsRetryable);
        Assert.Contains("text/html", e.Message);
        Assert.Contains("may not implement DescribeUser", e.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void An_HTML_gateway_error_from_a_proxy_is_retried(HttpStatusCode status) =>
        Assert.True(Parse(Response(status, "<html>busy</html>", mediaType: "text/html")).IsRetryable);

    [Fact]
    public async Task Through_the_transport_an_HTML_500_fails_once_with_the_typed_error()
    {
        var html = new HtmlHandler();
        using var connection = ScriptedConnection.Connect(html);
        var e = await Assert.ThrowsAsync<AwsUnexpectedResponseException>(() =>
            connection.IdentityStore.UpdateUserAsync(new UpdateUserRequest { IdentityStoreId = "d-1", UserId = "u", Operations = new() }));
        Assert.Equal(1, html.Calls);
        Assert.Equal("UpdateUser", e.Operation);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_a_typed_error()
    {
        var backend = new ScriptedHandler().On("DescribeUser", _ => new ScriptedResponse { Body = """{"UserId": 42, "IdentityStoreId": "d-1"}""" });
        using var connection = ScriptedConnection.Connect(backend);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() =>
            connection.IdentityStore.DescribeUserAsync(new DescribeUserRequest { IdentityStoreId = "d-1", UserId = "u" }));
        Assert.Equal("InvalidResponse", e.ErrorCode);
    }

    /// <summary>Answers as moto does for an operation it lacks.</summary>
    private sealed class HtmlHandler : HttpMessageHandler
    {
        public int Calls;
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)
            {
                Content = new StringContent("<!doctype html><title>500 Internal Server Error</title>", Encoding.UTF8, "text/html"),
            });
        }
    }
}
