using SocialOrder.Domain.Common;

namespace SocialOrder.Domain.Reports;

public sealed class ASubmittedReportIsFrozenRule(ReportStatus status) : IBusinessRule
{
    public bool IsBroken() => status is ReportStatus.Submitted or ReportStatus.Accepted;

    public string MessageKey => status == ReportStatus.Accepted ? "Report.AlreadyAccepted" : "Report.Frozen";
}

public sealed class ReportRevisionMustBeCurrentRule(int current, int expected) : IBusinessRule
{
    public bool IsBroken() => current != expected;

    public string MessageKey => "Report.ChangedByColleague";
}

public sealed class ReportMustBeCompleteRule(IReadOnlyList<ReportProblem> problems) : IBusinessRule
{
    public IReadOnlyList<ReportProblem> Problems { get; } = problems;

    public bool IsBroken() => Problems.Count > 0;

    public string MessageKey => Problems.Count > 0 ? Problems[0].Code : "Report.Incomplete";
}

public sealed class OnlyASubmittedReportIsReviewedRule(ReportStatus status) : IBusinessRule
{
    public bool IsBroken() => status != ReportStatus.Submitted;

    public string MessageKey => status == ReportStatus.Accepted ? "Report.AlreadyAccepted" : "Report.NotSubmitted";
}

public sealed class ReturnNeedsRemarksRule(ReportRemarks remarks) : IBusinessRule
{
    public bool IsBroken() => remarks.IsEmpty;

    public string MessageKey => "Report.ReturnNeedsRemarks";
}

public sealed class IndicatorMustExistRule(int index, int count) : IBusinessRule
{
    public bool IsBroken() => index < 0 || index >= count;

    public string MessageKey => "Error.NotFound";
}

public sealed class EvidenceLimitRule(int count) : IBusinessRule
{
    public bool IsBroken() => count >= Report.MaxEvidencePerIndicator;

    public string MessageKey => "Report.TooMuchEvidence";
}
