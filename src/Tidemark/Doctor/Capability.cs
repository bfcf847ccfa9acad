namespace Tidemark.Doctor;

/// <summary>What the automation must be able to do; the doctor's summary has one line for each.</summary>
internal enum Capability
{
    Authenticate,
    SeeRepository,
    ReadBase,
    CreatePullRequest,
    PushBranch,
    ModifyWorkflows,
    Expiry,
}

/// <summary>Each capability's name as the report and the audit trail write it, e.g. <c>Create PR</c>.</summary>
internal static class CapabilityLabels
{
    public static string Label(Capability capability) => capability switch
    {
        Capability.Authenticate => "Authenticate",
        Capability.SeeRepository => "See repository",
        Capability.ReadBase => "Read base",
        Capability.CreatePullRequest => "Create PR",
        Capability.PushBranch => "Push branch",
        Capability.ModifyWorkflows => "Modify workflows",
        _ => "Expiry",
    };
}
