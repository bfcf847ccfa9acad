namespace Tidemark.Cli.Commands;

/// <summary>A place to keep the token, with the command that puts it there without echoing it. Example: (environment, read -rs …).</summary>
internal sealed record TokenStorage(string Where, string Command, string Note)
{
    public static IReadOnlyList<TokenStorage> All { get; } =
    [
        new("environment", "read -rs GITHUB_TOKEN && export GITHUB_TOKEN", "paste the token at the silent prompt; Tidemark reads GITHUB_TOKEN"),
        new("kubernetes-secret", "kubectl create secret generic github-token -n flux-system --from-file=token=/dev/stdin",
            "paste the token, then Ctrl-D; mount the Secret and give Tidemark its folder (it reads 'token', else 'password')"),
        new("file", "(umask 077 && mkdir -p ~/.config/tidemark && read -rs T && printf '%s' \"$T\" > ~/.config/tidemark/github-token)", "give Tidemark the file's path"),
        new("pulumi-esc", "esc env get ORG/PROJECT/ENV github.token --value string", "give Tidemark this command; it reads the token from its output"),
        new("vault", "vault kv get -field=token secret/tidemark/github", "give Tidemark this command; VAULT_ADDR and VAULT_TOKEN are passed on"),
        new("1password", "op read op://automation/flux-automation/token", "give Tidemark this command; OP_SERVICE_ACCOUNT_TOKEN is passed on"),
    ];
}
