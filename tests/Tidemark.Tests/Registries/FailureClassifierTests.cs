using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class FailureClassifierTests
{
    [Theory]
    [InlineData(401, "Unauthorized", false)]
    [InlineData(403, "Unauthorized", false)]
    [InlineData(404, "NotFound", false)]
    [InlineData(429, "RateLimited", true)]
    [InlineData(500, "ServerError", true)]
    [InlineData(502, "ServerError", true)]
    [InlineData(503, "ServerError", true)]
    [InlineData(400, "InvalidResponse", false)]
    public void FromStatus_ClassifiesByWhoMustAct(int status, string kind, bool transient)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        var failure = FailureClassifier.FromStatus(response, "{}", "quay.io", new FakeTimeProvider());

        Assert.Equal(kind, failure.Kind.ToString()); // a string: xunit theories must be public, the enum is internal
        Assert.Equal(transient, failure.Transient);
        Assert.Equal(status, failure.StatusCode);
    }

    [Fact]
    public void FromStatus_RetryAfterSeconds_IsRead()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), FailureClassifier.FromStatus(response, "", "quay.io", new FakeTimeProvider()).RetryAfter);
    }

    [Fact]
    public void FromStatus_RetryAfterHttpDate_IsMeasuredFromTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(new DateTimeOffset(2026, 1, 2, 3, 4, 35, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(30), FailureClassifier.FromStatus(response, "", "quay.io", time).RetryAfter);
    }

    [Fact]
    public void FromStatus_LongMultiLineBody_IsCutToOneLineOf200Characters()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);
        var body = "<html>\r\n<body>" + new string('x', 500) + "</body>\n</html>";

        var failure = FailureClassifier.FromStatus(response, body, "quay.io", new FakeTimeProvider());

        Assert.Equal($"HTTP 502 Bad Gateway (\"<html> <body>{new string('x', 187)}...\")", failure.Why);
    }
}
