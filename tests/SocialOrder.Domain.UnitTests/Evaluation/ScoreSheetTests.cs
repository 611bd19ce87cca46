using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Evaluation;

namespace SocialOrder.Domain.UnitTests.Evaluation;

public sealed class ScoreSheetTests
{
    private static readonly JustificationPolicy Policy = new(30, 80);
    private static readonly IReadOnlyList<Criterion> Criteria = DefaultMethodology.Criteria;

    private static List<CriterionScore> Complete(int points, int justification = 90) =>
        [.. Criteria.Select(c => new CriterionScore(c.Code, points, new string('ж', justification)))];

    [Fact]
    public void Problems_ForACompleteSheet_AreNone()
    {
        Assert.Empty(ExpertAssignment.Problems(Criteria, Complete(5), Policy, forSubmission: true));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void Problems_PointsOutsideTheRange_AreTiedToThatCriterionsPoints(int points)
    {
        var scores = Complete(5);
        scores[2] = scores[2] with { Points = points };

        var problem = Assert.Single(ExpertAssignment.Problems(Criteria, scores, Policy, forSubmission: false));

        Assert.Equal(("Sheet.PointsOutOfRange", 2, "Points"), (problem.Code, problem.CriterionIndex, problem.Field));
        Assert.Equal(10, problem.Arg);
    }

    [Fact]
    public void Problems_OnSubmission_AnUnscoredCriterionIsMissing_ButADraftMayLeaveItEmpty()
    {
        var scores = Complete(5);
        scores[0] = scores[0] with { Points = null, Justification = string.Empty };

        Assert.Contains(ExpertAssignment.Problems(Criteria, scores, Policy, forSubmission: true), p => p.Code == "Sheet.PointsMissing" && p.CriterionIndex == 0);
        Assert.Empty(ExpertAssignment.Problems(Criteria, scores, Policy, forSubmission: false));
    }

    [Theory]
    [InlineData(5, 29, "Sheet.JustificationTooShort")]
    [InlineData(0, 79, "Sheet.JustificationTooShortAtExtreme")]
    [InlineData(10, 79, "Sheet.JustificationTooShortAtExtreme")]
    public void Problems_AShortJustification_IsRefused_LongerAtTheExtremes(int points, int length, string code)
    {
        var problems = ExpertAssignment.Problems(Criteria, Complete(points, length), Policy, forSubmission: true);

        Assert.Equal(Criteria.Count, problems.Count);
        Assert.All(problems, p => Assert.Equal((code, "Justification"), (p.Code, p.Field)));
    }

    [Fact]
    public void Problems_JustificationIsMeasuredWithoutSurroundingSpaces()
    {
        var scores = Complete(5, 29).Select(s => s with { Justification = "  " + s.Justification + "   " }).ToList();

        Assert.All(ExpertAssignment.Problems(Criteria, scores, Policy, forSubmission: true), p => Assert.Equal("Sheet.JustificationTooShort", p.Code));
    }
}
