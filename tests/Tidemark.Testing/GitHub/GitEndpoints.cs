using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// Git smart HTTP at <c>/{owner}/{repo}.git/…</c>: token authentication, GitHub's refusal texts (git prints a
/// text/plain error body as "remote: …" lines), then <c>git http-backend</c>.
/// </summary>
internal static class GitEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim)
    {
        routes.Map("/{owner}/{repo}.git/{**path}", (HttpContext c, string owner, string repo, string? path) => HandleAsync(c, sim, owner, repo, path ?? ""));
    }

    private static async Task HandleAsync(HttpContext context, SimulatorContext sim, string owner, string name, string path)
    {
        var push = path == "git-receive-pack" || context.Request.Query["service"] == "git-receive-pack";
        var requirement = push ? Requirement.ContentsWrite : Requirement.ContentsRead;
        var (token, denial) = sim.Access.Authenticate(context.Request.Headers.Authorization);
        var repository = sim.State.FindRepository(owner, name);
        denial ??= sim.Access.Check(token, repository, requirement);
        if (denial is not null)
        {
            await RefuseAsync(context, sim, denial, owner, name);
            return;
        }

        await HttpBackend.RunAsync(context, sim, repository!, token, path);
    }

    private static async Task RefuseAsync(HttpContext context, SimulatorContext sim, Denial denial, string owner, string name)
    {
        var anonymous = denial.Token is null && denial.Reason is DenialReason.NotFound or DenialReason.RequiresAuthentication;
        var (status, text) = anonymous ? (401, "") : denial.Reason switch
        {
            DenialReason.BadCredentials => (401, "Invalid username or token. Password authentication is not supported for Git operations."),
            DenialReason.NotFound => (404, "Repository not found."),
            DenialReason.SsoRequired => (403,
                $"The '{owner}' organization has enabled or enforced SAML SSO.\nTo access this repository, visit {Rest.SsoUrl(sim, owner)} and try your request again."),
            DenialReason.ClassicTokensBlocked => (403, Rest.ClassicBlockedMessage(owner)),
            DenialReason.LifetimeTooLong => (403, Rest.LifetimeMessage(denial.Repository!.Owner, denial.Token!)),
            DenialReason.Archived => (403, "This repository was archived so it is read-only."),
            _ when denial.Token is { Kind: TokenKind.FineGrained } => (403, "Write access to repository not granted."),
            _ => (403, $"Permission to {owner}/{name}.git denied to {denial.Token?.Login}."),
        };
        context.Response.StatusCode = status;
        if (status == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"GitHub\"";
        }

        if (text.Length > 0)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text + "\n"), context.RequestAborted);
        }
    }
}
