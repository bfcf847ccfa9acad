namespace Tidemark.Cli.Commands;

/// <summary>The text of <c>tidemark token new</c>: what to click on GitHub, then where to keep the token.</summary>
internal static class TokenNewRenderer
{
    public static async Task WriteAsync(TextWriter writer, TokenRecipe recipe)
    {
        var text = recipe.Type == "classic" ? Classic(recipe) : FineGrained(recipe);
        await writer.WriteAsync(text + Storage(recipe)).ConfigureAwait(false);
    }

    private static string FineGrained(TokenRecipe recipe)
    {
        var lines = new List<string>
        {
            "Create a fine-grained personal access token (recommended)",
            "",
            $"  Open:               {recipe.Url}",
            $"  Token name:         {recipe.Name}",
            $"  Expiration:         {recipe.ExpirationDays} days",
            $"  Resource owner:     {recipe.ResourceOwner}",
            $"  Repository access:  Only select repositories: {recipe.Repository}",
            "  Repository permissions:",
        };
        lines.AddRange(recipe.Permissions.Select(p => $"    {p.Name + ":",-18}{p.Access,-16}{(p.Required ? "" : "(optional) ")}{p.Why}"));
        if (!recipe.WorkflowsNeeded)
        {
            lines.Add("    Workflows:        not needed (no update path includes .github/workflows)");
        }

        lines.Add("  Leave every other permission at No access. If the organization requires approval, ask an owner to approve it.");
        return string.Join('\n', lines) + "\n";
    }

    private static string Classic(TokenRecipe recipe)
    {
        var lines = new List<string>
        {
            "Create a classic personal access token (a fine-grained one is recommended: drop --classic)",
            "",
            $"  Open (pre-filled):  {recipe.Url}",
            $"  Note:               {recipe.Name}",
            $"  Expiration:         {recipe.ExpirationDays} days (choose it on the page)",
            $"  Scopes:             {string.Join(", ", recipe.Scopes)}" + (recipe.WorkflowsNeeded ? " (workflow: an update path includes .github/workflows)" : ""),
            $"  The token acts as you on every repository you can write to, not only {recipe.Repository}.",
        };
        return string.Join('\n', lines) + "\n";
    }

    private static string Storage(TokenRecipe recipe)
    {
        var lines = new List<string>
        {
            "",
            "Store it outside git (never on a command line, never in the repository or a .env file; Tidemark refuses a token it finds there):",
        };
        foreach (var storage in recipe.Storage)
        {
            lines.Add($"  {storage.Where + ":",-19}{storage.Command}");
            lines.Add($"  {"",-19}{storage.Note}");
        }

        return string.Join('\n', lines) + "\n";
    }
}
