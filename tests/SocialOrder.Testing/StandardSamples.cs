using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Domain.Standards;

namespace SocialOrder.Testing;

/// <summary>A complete service standard (home support of people with disabilities), ready to publish.</summary>
public static class StandardSamples
{
    public static StandardContent Content(string code = "SSO-DIS-HOME", PriorityAreaId? area = null, decimal? unitCost = 250_000m) => new(
        code,
        new LocalizedText("Мүгедектігі бар адамдарды үйде әлеуметтік қолдау", "Социальная поддержка людей с инвалидностью на дому", "Home social support of people with disabilities"),
        new LocalizedText("Үйде күтім, оңалту, кеңес беру.", "Уход на дому, реабилитация, консультации.", "Home care, rehabilitation, counselling."),
        new StandardConditions(
            new LocalizedText("Әлеуметтік қызметкерлер, сертификаты бар.", "Социальные работники с сертификатом."),
            new LocalizedText("Пандусы бар кеңсе.", "Офис с пандусом."),
            new LocalizedText("Дүйсенбі–жұма, 9:00–18:00.", "Пн–пт, 9:00–18:00."),
            new LocalizedText("Ымдау тілі аудармашысы.", "Сурдопереводчик по запросу.")),
        [
            new QualityIndicator("QI-1", new LocalizedText("Қызмет алушылар саны", "Число получателей услуги", "Number of beneficiaries"), new LocalizedText("адам", "чел."), new LocalizedText("Тізім бойынша", "По списку получателей")),
            new QualityIndicator("QI-2", new LocalizedText("Қанағаттанушылық үлесі", "Доля удовлетворённых получателей", "Share of satisfied beneficiaries"), new LocalizedText("%", "%"), new LocalizedText("Сауалнама", "Анкетирование")),
        ],
        [
            new AssessmentCriterion("C1", new LocalizedText("Қамту", "Охват"), 40m),
            new AssessmentCriterion("C2", new LocalizedText("Сапа", "Качество"), 60m),
        ],
        unitCost,
        UnitCostBasis.PerBeneficiary,
        new GradeThresholds(80m, 50m),
        area);
}
