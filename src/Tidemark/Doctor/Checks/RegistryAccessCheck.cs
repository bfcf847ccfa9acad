namespace Tidemark.Doctor.Checks;

/// <summary>Lists the tags of every image in the plan through the scan pipeline, with the configured (or anonymous) registry credentials.</summary>
internal sealed class RegistryAccessCheck : IDoctorCheck
{
    public string Name => CheckNames.RegistryAccess;

    public IReadOnlyList<Capability> Capabilities { get; } = [];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.Checkout];

    public bool InTokenCheck => false;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var plan = await context.PlanImages!(context.Checkout!.Workspace, cancellationToken).ConfigureAwait(false);
        if (plan.Errors.Count > 0)
        {
            return [.. plan.Errors.Select(e => Finding.Error(e,
                "check the registry's name and credentials (registries: in tidemark.yaml, docker config.json, or the mounted secrets); `tidemark plan` shows the details"))];
        }

        var images = plan.Decisions.Count;
        return [Finding.Ok($"listed the tags of all {images} image{(images == 1 ? "" : "s")} in the plan ({plan.Changes.Count} update{(plan.Changes.Count == 1 ? "" : "s")} due)")];
    }
}
