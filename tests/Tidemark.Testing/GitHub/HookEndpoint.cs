using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// The loopback callback of the proc-receive hook: checks each ref update against GitHub's push rules,
/// performs the accepted ones and answers "say TEXT" / "ok REF" / "ng REF REASON" lines.
/// </summary>
internal static class HookEndpoint
{
    public const string Prefix = "/_simulator/";

    public static void Map(IEndpointRouteBuilder routes, SimulatorContext sim)
    {
        routes.MapPost("/_simulator/hooks/{owner}/{repo}", (HttpContext c, string owner, string repo, CancellationToken ct) => HandleAsync(c, sim, owner, repo, ct));
    }

    private static async Task<IResult> HandleAsync(HttpContext context, SimulatorContext sim, string owner, string name, CancellationToken cancellationToken)
    {
        if (context.Request.Headers["X-Sim-Hook-Secret"] != sim.HookSecret)
        {
            return Results.StatusCode(403);
        }

        var repository = sim.State.FindRepository(owner, name);
        var token = sim.State.FindTokenById(context.Request.Headers["X-Sim-Token-Id"].ToString());
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var answer = new StringBuilder();
        var rules = new PushRules(sim.Git, sim.WebRoot);
        foreach (var update in lines.Select(RefUpdate.Parse).OfType<RefUpdate>())
        {
            if (repository is null || token is null)
            {
                answer.Append("ng ").Append(update.RefName).Append(" unknown repository or token\n");
                continue;
            }

            var (messages, reason) = await rules.EvaluateAsync(repository, token, update, cancellationToken);
            foreach (var message in messages)
            {
                answer.Append("say ").Append(message).Append('\n');
            }

            reason ??= await ApplyAsync(sim, repository, update, cancellationToken);
            answer.Append(reason is null ? $"ok {update.RefName}\n" : $"ng {update.RefName} {reason}\n");
        }

        return Results.Text(answer.ToString(), "text/plain", Encoding.UTF8, 200);
    }

    private static async Task<string?> ApplyAsync(SimulatorContext sim, SimRepository repository, RefUpdate update, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> arguments = update.IsDelete
            ? ["update-ref", "-d", update.RefName, update.OldSha]
            : ["update-ref", update.RefName, update.NewSha, update.OldSha];
        var result = await sim.Git.RunAsync(repository.GitDirectory, arguments, cancellationToken);
        return result.ExitCode == 0 ? null : "failed to update ref";
    }
}
