using SocialOrder.Domain.RedFlags;

namespace SocialOrder.Domain.UnitTests;

public sealed class TextSimilarityTests
{
    private const string Text = "Проект обучает молодёжь района навыкам цифровой грамотности через тренинги и наставничество в течение года";

    private static double Similarity(string a, string b) => TextSimilarity.Jaccard(TextSimilarity.Shingles(a), TextSimilarity.Shingles(b));

    [Fact]
    public void Jaccard_OfTheSameTextInAnotherCaseAndPunctuation_IsOne() =>
        Assert.Equal(1.0, Similarity(Text, Text.ToUpperInvariant().Replace(" ", ",  ", StringComparison.Ordinal)));

    [Fact]
    public void Jaccard_OfATextWithOneWordChangedAtTheEnd_IsAboveTheThreshold() =>
        Assert.True(Similarity(Text + " и дольше", Text + " и больше") >= TextSimilarity.NearDuplicate);

    [Fact]
    public void Jaccard_OfUnrelatedTexts_IsBelowTheThreshold()
    {
        Assert.True(Similarity(Text, "Ремонт спортивной площадки во дворе силами жителей и волонтёров летом") < 0.1);
        Assert.Equal(0, Similarity(string.Empty, string.Empty));
    }
}
