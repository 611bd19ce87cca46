using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Domain.Calls;
using SocialOrder.Domain.Common;
using SocialOrder.Domain.ReferenceData;
using SocialOrder.Infrastructure.Persistence;

namespace SocialOrder.Testing;

/// <summary>
/// Puts a call into the portal's database through the domain API (CreateDraft, Publish, Amend, Cancel), as an
/// official's use case would; by default published, open for ten more days, nationwide, youth, 10 000 000 ₸.
/// </summary>
public sealed class PublicCallBuilder(PortalFactory app)
{
    private readonly List<(CallAmendment Change, string Reason)> _amendments = [];
    private readonly List<(string Question, string? Answer)> _questions = [];
    private LocalizedText _title = new("Жастар бастамаларын қолдау", "Поддержка молодёжных инициатив", "Support for youth initiatives");
    private LocalizedText _summary = new("Жастар ұйымдарына арналған конкурс.", "Конкурс для молодёжных организаций.", "A call for youth organisations.");
    private RegionId? _region;
    private PriorityAreaId _area = new(1);
    private Instrument _instrument = Instrument.StateSocialOrder;
    private CallTerm _term = CallTerm.Short;
    private int _months = 6;
    private decimal _budget = 10_000_000m;
    private DateTimeOffset? _opensAt;
    private DateTimeOffset? _closesAt;
    private DateTimeOffset? _publishedAt;
    private bool _draft;
    private bool _awarded;
    private string? _cancellation;

    public PublicCallBuilder Titled(string kk, string ru, string? en = null)
    {
        _title = new LocalizedText(kk, ru, en);
        return this;
    }

    public PublicCallBuilder Summarised(string kk, string ru)
    {
        _summary = new LocalizedText(kk, ru);
        return this;
    }

    public PublicCallBuilder InRegion(int? region)
    {
        _region = region is { } r ? new RegionId(r) : null;
        return this;
    }

    public PublicCallBuilder InArea(int area)
    {
        _area = new PriorityAreaId(area);
        return this;
    }

    public PublicCallBuilder As(Instrument instrument)
    {
        _instrument = instrument;
        return this;
    }

    public PublicCallBuilder LongTerm()
    {
        _term = CallTerm.Long;
        _months = 30;
        return this;
    }

    public PublicCallBuilder WithBudget(decimal budget)
    {
        _budget = budget;
        return this;
    }

    public PublicCallBuilder Window(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        (_opensAt, _closesAt) = (opensAt, closesAt);
        return this;
    }

    public PublicCallBuilder PublishedAt(DateTimeOffset at)
    {
        _publishedAt = at;
        return this;
    }

    public PublicCallBuilder Draft()
    {
        _draft = true;
        return this;
    }

    public PublicCallBuilder Awarded()
    {
        _awarded = true;
        return this;
    }

    public PublicCallBuilder Cancelled(string reason)
    {
        _cancellation = reason;
        return this;
    }

    public PublicCallBuilder Amended(CallAmendment change, string reason)
    {
        _amendments.Add((change, reason));
        return this;
    }

    public PublicCallBuilder WithQuestion(string question, string? answer)
    {
        _questions.Add((question, answer));
        return this;
    }

    public async Task<Call> SaveAsync()
    {
        var now = app.Clock.GetUtcNow();
        var opens = _opensAt ?? now.AddDays(-1);
        var closes = _closesAt ?? now.AddDays(10);
        var published = _publishedAt ?? (opens < now ? opens.AddHours(-1) : now);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.StateBodies.OrderBy(b => b.Bin).Select(b => b.Id).FirstAsync();
        var reference = await scope.ServiceProvider.GetRequiredService<IReferenceNumbers>().NextAsync("SSO", 2099, CancellationToken.None);
        var yearly = _term == CallTerm.Long
            ? new List<YearlyBudget> { new(1, _budget / 3), new(2, _budget / 3), new(3, _budget - (2 * (_budget / 3))) }
            : [];
        var content = new CallContent(
            _title, _summary,
            new LocalizedText("Толық сипаттама.\nЕкінші жол.", "Полное описание.\nВторая строка.", "Full description.\nSecond line."),
            new LocalizedText("Тіркелген ҮЕҰ.", "Зарегистрированные НПО.", "Registered NGOs."),
            _area, _region, _instrument, _budget, _budget / 5, _months, _term, yearly, opens, closes,
            DefaultMethodology.Documents, DefaultMethodology.Criteria, 3, 3m, 60m);

        var call = Call.CreateDraft(reference, body, content, published.AddDays(-1));
        if (!_draft)
        {
            call.Publish(published);
            foreach (var (question, answer) in _questions)
            {
                var asked = (published > opens ? published : opens).AddMinutes(5);
                var clarification = Clarification.Ask(call, Guid.NewGuid(), question, asked);
                if (answer is not null)
                {
                    clarification.AnswerWith(answer, Guid.NewGuid(), asked.AddMinutes(5));
                }

                db.Clarifications.Add(clarification);
            }

            var amendedAt = published > opens ? published : opens;
            foreach (var (change, reason) in _amendments)
            {
                amendedAt = amendedAt.AddMinutes(1);
                call.Amend(change, reason, amendedAt, 5);
            }

            if (_cancellation is { } cancellation)
            {
                call.Cancel(cancellation, published.AddMinutes(30));
            }
        }

        db.Calls.Add(call);
        if (_awarded)
        {
            db.Entry(call).Property(c => c.Status).CurrentValue = CallStatus.Awarded;
        }

        await db.SaveChangesAsync();
        return call;
    }
}

public static class TestClock
{
    /// <summary>
    /// Moves the clock on to the next whole second: PostgreSQL keeps microseconds, .NET ticks of 100 ns, so a test
    /// that compares instants read back from the database starts from one both represent exactly.
    /// </summary>
    public static DateTimeOffset AdvanceToWholeSecond(this Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var next = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        clock.SetUtcNow(next);
        return next;
    }
}
