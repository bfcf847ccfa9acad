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
