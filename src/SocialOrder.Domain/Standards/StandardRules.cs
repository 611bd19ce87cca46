using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Standards;

public sealed class APublishedStandardIsNeverEditedRule(StandardStatus status) : IBusinessRule
{
    public bool IsBroken() => status != StandardStatus.Draft;

    public string MessageKey => "Standard.OnlyDraftEdited";
}

public sealed class StandardMustBeCompleteToPublishRule(IReadOnlyList<StandardProblem> problems) : IBusinessRule
{
    public IReadOnlyList<StandardProblem> Problems { get; } = problems;

    public bool IsBroken() => Problems.Count > 0;

    public string MessageKey => Problems.Count > 0 ? Problems[0].Code : "Standard.Incomplete";
}

public sealed class ANewVersionIsMadeFromThePublishedOneRule(StandardStatus status) : IBusinessRule
{
    public bool IsBroken() => status != StandardStatus.Published;

    public string MessageKey => "Standard.NewVersionOnlyFromPublished";
}

public sealed class OnlyTheSameCodeIsSupersededRule(string code, string previousCode, StandardStatus previousStatus) : IBusinessRule
{
    public bool IsBroken() => !string.Equals(code, previousCode, StringComparison.Ordinal) || previousStatus != StandardStatus.Published;

    public string MessageKey => "Standard.NotTheCurrentVersion";
}
