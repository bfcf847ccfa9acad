using System.Text.Json.Nodes;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>One answer of GitHub's App API: status, JSON body (null when there is none) and the <c>Date</c> header (for clock skew).</summary>
internal sealed record AppAnswer(int Status, JsonObject? Body, DateTimeOffset? Date)
{
    /// <summary>GitHub's <c>message</c>, e.g. <c>'Issued at' claim ('iat') is in the future</c>, or the status.</summary>
    public string Message => Body?["message"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? Body["message"]!.GetValue<string>()
        : $"HTTP {Status}";

    /// <summary>A refusal by GitHub (as opposed to a failure to answer): the audit outcome <c>denied</c>.</summary>
    public bool IsDenial => Status is 401 or 403 or 404 or 422;
}
