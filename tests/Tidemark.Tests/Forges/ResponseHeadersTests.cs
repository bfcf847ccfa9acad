using Tidemark.Forges.GitHub;

namespace Tidemark.Tests.Forges;

public sealed class ResponseHeadersTests
{
    [Theory]
    [InlineData("2021-09-03 02:34:04 UTC", "2021-09-03T02:34:04+00:00")]
    [InlineData("2023-04-26 20:23:26 +0200", "2023-04-26T18:23:26+00:00")]
    [InlineData("2023-04-26 20:23:26 -05:00", "2023-04-27T01:23:26+00:00")]
    public void TokenExpiry_GitHubsFormats_Parsed(string header, string expected)
    {
        var headers = new Dictionary<string, string> { ["github-authentication-token-expiration"] = header };

        var expiry = ResponseHeaders.TokenExpiry(headers);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), expiry);
    }

    [Theory]
    [InlineData("Fri, 03 Sep 2021 02:20:00 GMT", true)]
    [InlineData("Mon, 30 Aug 2021 02:34:04 GMT", true)]
    [InlineData("Fri, 03 Sep 2021 02:34:04 GMT", false)]
    public void TokenExpiry_WithinMinutesOfTheResponseDate_NotCredible(string date, bool credible)
    {
        var headers = new Dictionary<string, string> { ["GitHub-Authentication-Token-Expiration"] = "2021-09-03 02:34:04 UTC", ["Date"] = date };

        Assert.Equal(credible, ResponseHeaders.TokenExpiry(headers) is not null);
    }

    [Theory]
    [InlineData("2021-09-03 02:34:04 UTC", "Fri, 03 Sep 2021 02:33:00 GMT", true)]
    [InlineData("2021-09-03 02:34:04 UTC", "Fri, 03 Sep 2021 02:20:00 GMT", false)]
    [InlineData("2021-09-03 02:34:04 UTC", null, false)]
    [InlineData("not a date", "Fri, 03 Sep 2021 02:34:04 GMT", false)]
    [InlineData(null, "Fri, 03 Sep 2021 02:34:04 GMT", false)]
    public void TokenExpiryIsNow_OnlyWhenTheHeaderHoldsTheResponseDate(string? expiry, string? date, bool unknown)
    {
        var headers = new Dictionary<string, string>();
        if (expiry is not null)
        {
            headers["GitHub-Authentication-Token-Expiration"] = expiry;
        }

        if (date is not null)
        {
            headers["Date"] = date;
        }

        Assert.Equal(unknown, ResponseHeaders.TokenExpiryIsNow(headers));
    }

    [Theory]
    [InlineData("required; url=https://github.com/orgs/acme/sso?authorization_request=abc", "https://github.com/orgs/acme/sso?authorization_request=abc")]
    [InlineData("partial-results; organizations=21955855,20582480", null)]
    [InlineData(null, null)]
    public void SsoUrl_OnlyForRequired(string? header, string? expected)
    {
        var headers = header is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-github-sso"] = header };

        Assert.Equal(expected, ResponseHeaders.SsoUrl(headers));
    }
}
