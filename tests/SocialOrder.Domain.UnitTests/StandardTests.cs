using SocialOrder.Domain.Agreements;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.Feedback;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;
using SocialOrder.Testing;

namespace SocialOrder.Domain.UnitTests;

public sealed class StandardTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 6, 0, 0, TimeSpan.Zero);

    private static ServiceStandard Published(StandardContent? content = null)
    {
        var standard = ServiceStandard.CreateDraft(content ?? StandardSamples.Content(), Guid.NewGuid(), Now);
        standard.Publish(null, Now);
        return standard;
    }

    [Fact]
    public void PublishProblems_ForACompleteDraft_IsEmpty() =>
        Assert.Empty(ServiceStandard.CreateDraft(StandardSamples.Content(), Guid.NewGuid(), Now).PublishProblems());

    [Fact]
    public void UpdateDraft_WhenPublished_BreaksAPublishedStandardIsNeverEditedRule()
    {
        var standard = Published();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => standard.UpdateDraft(StandardSamples.Content() with { UnitCostNorm = 1m }));
        Assert.Equal("Standard.OnlyDraftEdited", ex.Rule.MessageKey);
        Assert.Equal(250_000m, standard.UnitCostNorm);
    }

    [Fact]
    public void NewVersion_CopiesThePublishedOneIntoTheNextDraftVersionWithTheSameCode()
    {
        var v1 = Published();
        var v2 = v1.NewVersion(Guid.NewGuid(), Now.AddDays(1));
        Assert.Equal(("SSO-DIS-HOME", 2, StandardStatus.Draft), (v2.Code, v2.Version, v2.Status));
        Assert.NotEqual(v1.Id, v2.Id);
        Assert.Equal(v1.Indicators, v2.Indicators);

        // A later version keeps its code even if the form sends another.
        v2.UpdateDraft(StandardSamples.Content("OTHER") with { UnitCostNorm = 300_000m });
        Assert.Equal("SSO-DIS-HOME", v2.Code);

        v2.Publish(v1, Now.AddDays(2));
        Assert.Equal(StandardStatus.Superseded, v1.Status);
        Assert.Equal(StandardStatus.Published, v2.Status);
        Assert.Equal(250_000m, v1.UnitCostNorm);
    }

    [Fact]
    public void NewVersion_FromADraftOrSupersededVersion_IsRefused()
    {
        var draft = ServiceStandard.CreateDraft(StandardSamples.Content(), Guid.NewGuid(), Now);
        Assert.Equal("Standard.NewVersionOnlyFromPublished", Assert.Throws<BusinessRuleViolationException>(() => draft.NewVersion(Guid.NewGuid(), Now)).Rule.MessageKey);
        var v1 = Published();
        var v2 = v1.NewVersion(Guid.NewGuid(), Now);
        v2.Publish(v1, Now);
        Assert.Throws<BusinessRuleViolationException>(() => v1.NewVersion(Guid.NewGuid(), Now));
    }

    [Fact]
    public void Publish_SupersedingAnotherCode_IsRefused()
    {
        var other = Published(StandardSamples.Content("YOUTH-1"));
        var draft = ServiceStandard.CreateDraft(StandardSamples.Content(), Guid.NewGuid(), Now);
        Assert.Throws<BusinessRuleViolationException>(() => draft.Publish(other, Now));
        Assert.Equal(StandardStatus.Published, other.Status);
    }

    [Theory]
    [InlineData(40, 60, true)]
    [InlineData(40, 59.5, false)]
    [InlineData(50, 60, false)]
    [InlineData(33.33, 66.67, true)]
    public void WeightProblems_WeightsMustAddUpToExactly100(decimal first, decimal second, bool valid)
    {
        AssessmentCriterion[] criteria = [new("C1", new LocalizedText("a", "a"), first), new("C2", new LocalizedText("b", "b"), second)];
        var problems = ServiceStandard.WeightProblems(criteria).ToList();
        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            Assert.Contains(problems, p => p.Code == "Standard.WeightsNot100");
        }
    }

    [Fact]
    public void WeightProblems_NonPositiveWeightsDuplicateCodesAndNoCriteria_AreReported()
    {
        Assert.Contains(ServiceStandard.WeightProblems([]), p => p.Code == "Standard.NoCriteria");
        AssessmentCriterion[] criteria = [new("C1", new LocalizedText("a", "a"), 110m), new("c1", new LocalizedText("b", "b"), -10m)];
        var codes = ServiceStandard.WeightProblems(criteria).Select(p => p.Code).ToList();
        Assert.Contains("Standard.CriterionWeightNotPositive", codes);
        Assert.Contains("Standard.CriterionCodesNotUnique", codes);
    }

    [Theory]
    [InlineData(80, Grade.Effective)]
    [InlineData(95, Grade.Effective)]
    [InlineData(79.99, Grade.PartlyEffective)]
    [InlineData(50, Grade.PartlyEffective)]
    [InlineData(49.99, Grade.Ineffective)]
    [InlineData(0, Grade.Ineffective)]
    public void GradeOf_UsesTheThresholdsInclusively(decimal total, Grade grade) =>
        Assert.Equal(grade, Published().GradeOf(total));

    [Theory]
    [InlineData(80, 80)]
    [InlineData(50, 80)]
    [InlineData(0, 50)]
    [InlineData(101, 50)]
    public void ThresholdProblems_RefuseOutOfOrderOrOutOfRange(decimal effective, decimal partly) =>
        Assert.NotEmpty(ServiceStandard.ThresholdProblems(new GradeThresholds(effective, partly)));

    [Fact]
    public void PublishProblems_ListMissingTextsIndicatorsAndCodes()
    {
        var content = StandardSamples.Content("bad code!") with
        {
            Title = new LocalizedText(" ", "Название"),
            Indicators = [new QualityIndicator("QI-1", new LocalizedText("", ""), new LocalizedText("", ""), new LocalizedText("", ""))],
        };
        var codes = ServiceStandard.CreateDraft(content, Guid.NewGuid(), Now).PublishProblems().Select(p => p.Code).ToList();
        Assert.Contains("Standard.CodeInvalid", codes);
        Assert.Contains("Standard.TextMissingKk", codes);
        Assert.Contains("Standard.IndicatorIncomplete", codes);
    }

    [Fact]
    public void IndicatorMatching_ByCodePrefixOrByNameInAnyLanguage()
    {
        var indicators = StandardSamples.Content().Indicators;
        Assert.Empty(IndicatorMatching.Missing(indicators, ["qi-1: охват 120 человек", "  доля  удовлетворённых получателей "]));
        Assert.Empty(IndicatorMatching.Missing(indicators, ["QI-1", "Share of satisfied beneficiaries"]));

        // "QI-10" is not "QI-1"; a name that merely contains the code elsewhere does not count.
        var missing = IndicatorMatching.Missing(indicators, ["QI-10 другое", "Охват по QI-2"]);
        Assert.Equal(["QI-1", "QI-2"], missing.Select(m => m.Code));
    }

    [Fact]
    public void Call_PublishProblems_RequireTheAreasStandardAndTheCurrentVersion()
    {
        var call = Call.CreateDraft("SSO-2027-0001", StateBodyId.New(), CallTests.Complete(Now), Now);
        Assert.Contains(call.PublishProblems(Now, new StandardRequirement(true, true)), p => p.Code == "Call.StandardRequired");

        call.UpdateDraft(CallTests.Complete(Now) with { StandardId = ServiceStandardId.New() });
        Assert.Contains(call.PublishProblems(Now, new StandardRequirement(true, false)), p => p.Code == "Call.StandardNotCurrent");
        Assert.Empty(call.PublishProblems(Now, new StandardRequirement(true, true)));
        Assert.Throws<BusinessRuleViolationException>(() => call.Publish(Now, new StandardRequirement(true, false)));
    }

    [Fact]
    public void Call_PublishWarnings_WhenTheBudgetIsBelowTheNormTimesBeneficiaries()
    {
        var standard = Published();
        var call = Call.CreateDraft("SSO-2027-0001", StateBodyId.New(), CallTests.Complete(Now) with { PlannedBeneficiaries = 41 }, Now);

        // 10 000 000 < 250 000 × 41 = 10 250 000: a warning, not a problem.
        Assert.Equal("Call.BudgetBelowStandardNorm", Assert.Single(call.PublishWarnings(standard)).Code);
        Assert.Empty(call.PublishProblems(Now, StandardRequirement.None));

        call.UpdateDraft(CallTests.Complete(Now) with { PlannedBeneficiaries = 40 });
        Assert.Empty(call.PublishWarnings(standard));

        call.UpdateDraft(CallTests.Complete(Now));
        Assert.Equal("Call.PlannedBeneficiariesMissing", Assert.Single(call.PublishWarnings(standard)).Code);
        Assert.Empty(call.PublishWarnings(Published(StandardSamples.Content(unitCost: null))));
    }

    [Fact]
    public void Feedback_IsTakenOnlyDuringImplementationAndRatedOneToFive()
    {
        var id = new AgreementId(Guid.NewGuid());
        Assert.Equal(4, BeneficiaryFeedback.Submit(id, AgreementStatus.Accepted, 4, "  Спасибо  ", "kk", Now).Rating);
        Assert.Equal("Feedback.Closed", Assert.Throws<BusinessRuleViolationException>(() => BeneficiaryFeedback.Submit(id, AgreementStatus.Terminated, 4, null, "ru", Now)).Rule.MessageKey);
        Assert.Throws<BusinessRuleViolationException>(() => BeneficiaryFeedback.Submit(id, AgreementStatus.Draft, 4, null, "ru", Now));
        Assert.Throws<BusinessRuleViolationException>(() => BeneficiaryFeedback.Submit(id, AgreementStatus.Issued, 6, null, "ru", Now));
        Assert.Throws<BusinessRuleViolationException>(() => BeneficiaryFeedback.Submit(id, AgreementStatus.Issued, 3, new string('x', 1001), "ru", Now));
    }

    [Fact]
    public void RatingSummary_CountsMeanAndDistribution()
    {
        var summary = RatingSummary.Of([(5, 2), (4, 1), (1, 1)]);
        Assert.Equal(4, summary.Count);
        Assert.Equal(3.75m, summary.Mean);
        Assert.Equal([1, 0, 0, 1, 2], summary.Distribution);
        Assert.Null(RatingSummary.Of([]).Mean);
    }

    [Fact]
    public void FeedbackChannel_TokensAreRandomAndWellFormed()
    {
        var a = FeedbackChannel.Open(new AgreementId(Guid.NewGuid()), Now);
        var b = FeedbackChannel.Open(a.AgreementId, Now);
        Assert.NotEqual(a.Token, b.Token);
        Assert.True(FeedbackChannel.IsWellFormed(a.Token));
        Assert.DoesNotContain(a.AgreementId.Value.ToString("N")[..8], a.Token, StringComparison.OrdinalIgnoreCase);
        Assert.False(FeedbackChannel.IsWellFormed(a.AgreementId.Value.ToString()));
    }
}
