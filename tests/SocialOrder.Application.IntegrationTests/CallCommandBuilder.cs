using SocialOrder.Application.Calls.Drafts;
using SocialOrder.Domain.Calls;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>A complete, publishable draft relative to a clock reading; tests change one thing at a time.</summary>
public static class CallCommandBuilder
{
    public static SaveCallDraftCommand Complete(DateTimeOffset now, Guid? id = null) => new(
        id,
        "Жастардың азаматтық бастамаларын қолдау",
        "Поддержка гражданских инициатив молодёжи",
        null,
        "Жастар ұйымдарына арналған грант",
        "Грант для молодёжных организаций",
        null,
        "Конкурс сипаттамасы",
        "Описание конкурса",
        "Тіркелген ҮЕҰ",
        "Зарегистрированные НПО",
        1,
        19,
        Instrument.StateGrant,
        10_000_000m,
        2_000_000m,
        12,
        CallTerm.Short,
        [],
        now.AddDays(1),
        now.AddDays(30),
        DefaultMethodology.Documents.Select(d => new DocumentInput(d.Name.Kk, d.Name.Ru, d.IsMandatory, d.AllowedTypes)).ToList(),
        DefaultMethodology.Criteria.Select(c => new CriterionInput(c.Code, c.Name.Kk, c.Name.Ru, c.Guidance.Kk, c.Guidance.Ru, c.MaxPoints, c.Weight, c.MinPoints)).ToList(),
        3,
        30m,
        50m);
}
