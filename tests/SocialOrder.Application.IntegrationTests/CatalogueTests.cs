using SocialOrder.Application.Calls.Catalogue;
using SocialOrder.Application.Common.Results;
using SocialOrder.Domain.Calls;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>
/// The public catalogue against PostgreSQL. Tests share a database, so each one gives its calls a word of its own
/// and searches for it.
/// </summary>
public sealed class CatalogueTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Search_WhenAKazakhWordOfATitleIsTyped_FindsTheCallAlsoByItsBeginning()
    {
        var wanted = await Call().Titled("Тоғызқұмалақ ойынын ауылдарда дамыту", "Развитие игры тогызкумалак в сёлах").SaveAsync();
        await Call().Titled("Тоғыз ауылдағы кітапханалар", "Библиотеки девяти сёл").SaveAsync();

        var whole = await SearchAsync(new GetCallCatalogueQuery("ауылдарда тоғызқұмалақ"));
        var prefix = await SearchAsync(new GetCallCatalogueQuery("Тоғызқұм"));

        Assert.Equal([wanted.Id.Value], whole.Results.Items.Select(i => i.Id));
        Assert.Equal([wanted.Id.Value], prefix.Results.Items.Select(i => i.Id));
        Assert.Equal("Тоғызқұмалақ ойынын ауылдарда дамыту", prefix.Results.Items[0].Title.Kk);
    }

    [Fact]
    public async Task Search_WhenARussianWordIsInflectedDifferently_FindsTheRussianTitleByStemming()
    {
        var wanted = await Call().Titled("Омарта шаруашылығы кооперативтерін қолдау", "Поддержка пчеловодческих кооперативов").SaveAsync();

        var page = await SearchAsync(new GetCallCatalogueQuery("пчеловодческим кооперативам"));

        Assert.Equal([wanted.Id.Value], page.Results.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Search_WhenTheTextContainsQuerySyntax_TreatsItAsPlainWords()
    {
        var wanted = await Call().Titled("Құсбегілік өнерін сақтау", "Сохранение искусства беркутчи").SaveAsync();

        var page = await SearchAsync(new GetCallCatalogueQuery("құсбегілік:* & | ! ( ' \\ )"));
        var nothing = await SearchAsync(new GetCallCatalogueQuery("!!! ::: &&&"));

        Assert.Equal([wanted.Id.Value], page.Results.Items.Select(i => i.Id));
        Assert.True(nothing.Results.TotalCount >= 1, "Input without words searches nothing, so everything is listed.");
    }

    [Fact]
    public async Task Filter_WhenARegionIsChosen_ListsThatRegionOnly_AndNationwideIsItsOwnChoice()
    {
        var almaty = await Call().Titled("Өңірсүзгі Алматы", "Регионфильтр Алматы").InRegion(19).SaveAsync();
        var nationwide = await Call().Titled("Өңірсүзгі республика", "Регионфильтр республика").InRegion(null).SaveAsync();
        await Call().Titled("Өңірсүзгі Атырау", "Регионфильтр Атырау").InRegion(5).SaveAsync();

        var inAlmaty = await SearchAsync(new GetCallCatalogueQuery("регионфильтр", Region: 19));
        var onlyNationwide = await SearchAsync(new GetCallCatalogueQuery("регионфильтр", Region: GetCallCatalogueQuery.NationwideRegion));
        var any = await SearchAsync(new GetCallCatalogueQuery("регионфильтр"));

        Assert.Equal([almaty.Id.Value], inAlmaty.Results.Items.Select(i => i.Id));
        Assert.Equal("город Алматы", inAlmaty.Results.Items[0].Region!.Ru);
        Assert.Equal([nationwide.Id.Value], onlyNationwide.Results.Items.Select(i => i.Id));
        Assert.Null(onlyNationwide.Results.Items[0].Region);
        Assert.Equal(3, any.Results.TotalCount);
    }

    [Fact]
    public async Task Filter_ByAreaInstrumentAndTerm_KeepsOnlyMatchingCalls()
    {
        var ecoGrant = await Call().Titled("Бағытсүзгі бір", "Направлениефильтр один").InArea(5).As(Instrument.StateGrant).SaveAsync();
        var ecoOrderLong = await Call().Titled("Бағытсүзгі екі", "Направлениефильтр два").InArea(5).LongTerm().SaveAsync();
        await Call().Titled("Бағытсүзгі үш", "Направлениефильтр три").InArea(6).As(Instrument.StateGrant).SaveAsync();

        var eco = await SearchAsync(new GetCallCatalogueQuery("направлениефильтр", Area: 5));
        var grants = await SearchAsync(new GetCallCatalogueQuery("направлениефильтр", Instrument: Instrument.StateGrant));
        var longTerm = await SearchAsync(new GetCallCatalogueQuery("направлениефильтр", Term: CallTerm.Long));
        var ecoGrants = await SearchAsync(new GetCallCatalogueQuery("направлениефильтр", Area: 5, Instrument: Instrument.StateGrant));

        Assert.Equal(new[] { ecoGrant.Id.Value, ecoOrderLong.Id.Value }.Order(), eco.Results.Items.Select(i => i.Id).Order());
        Assert.Equal("Экология и защита животных", eco.Results.Items[0].PriorityArea!.Ru);
        Assert.Equal(2, grants.Results.TotalCount);
        Assert.Equal([ecoOrderLong.Id.Value], longTerm.Results.Items.Select(i => i.Id));
        Assert.Equal([ecoGrant.Id.Value], ecoGrants.Results.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Filter_ByBudgetRange_IncludesBothBounds()
    {
        var low = await Call().Titled("Бюджетсүзгі аз", "Бюджетфильтр мало").WithBudget(5_000_000m).SaveAsync();
        var mid = await Call().Titled("Бюджетсүзгі орта", "Бюджетфильтр средне").WithBudget(20_000_000m).SaveAsync();
        await Call().Titled("Бюджетсүзгі көп", "Бюджетфильтр много").WithBudget(90_000_000m).SaveAsync();

        var range = await SearchAsync(new GetCallCatalogueQuery("бюджетфильтр", MinBudget: 5_000_000m, MaxBudget: 20_000_000m));
        var atLeast = await SearchAsync(new GetCallCatalogueQuery("бюджетфильтр", MinBudget: 20_000_001m));

        Assert.Equal(new[] { low.Id.Value, mid.Id.Value }.Order(), range.Results.Items.Select(i => i.Id).Order());
        Assert.Equal(1, atLeast.Results.TotalCount);
        Assert.Equal(90_000_000m, atLeast.Results.Items[0].Budget);
    }

    [Fact]
    public async Task Filter_WhenMaxBudgetIsBelowMin_IsRefusedOnMaxBudget()
    {
        var result = await app.SendAsync(new GetCallCatalogueQuery(MinBudget: 10m, MaxBudget: 5m));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MaxBudget", "Catalogue.BudgetRangeInverted"), (error.Field, error.Code));
    }

    [Fact]
    public async Task Status_IsDerivedFromTheClock_OpenUntilTheClosingInstantAndClosedFromIt()
    {
        var now = app.Clock.AdvanceToWholeSecond();
        var opens = now.AddDays(2);
        var closes = now.AddDays(5);
        var call = await Call().Titled("Мәртебесүзгі", "Статусфильтр").Window(opens, closes).PublishedAt(now).SaveAsync();
        var phases = new List<(CallPhase Shown, int Upcoming, int Open, int Closed)>();

        foreach (var instant in new[] { opens - TimeSpan.FromTicks(1), opens, closes - TimeSpan.FromTicks(1), closes })
        {
            app.Clock.SetUtcNow(instant);
            var all = await SearchAsync(new GetCallCatalogueQuery("статусфильтр"));
            var upcoming = await SearchAsync(new GetCallCatalogueQuery("статусфильтр", Status: CallPhase.Upcoming));
            var open = await SearchAsync(new GetCallCatalogueQuery("статусфильтр", Status: CallPhase.Open));
            var closed = await SearchAsync(new GetCallCatalogueQuery("статусфильтр", Status: CallPhase.Closed));
            phases.Add((Assert.Single(all.Results.Items).Phase, upcoming.Results.TotalCount, open.Results.TotalCount, closed.Results.TotalCount));
        }

        Assert.Equal(call.Id.Value, (await SearchAsync(new GetCallCatalogueQuery("статусфильтр"))).Results.Items[0].Id);
        Assert.Equal(
            [(CallPhase.Upcoming, 1, 0, 0), (CallPhase.Open, 0, 1, 0), (CallPhase.Open, 0, 1, 0), (CallPhase.Closed, 0, 0, 1)],
            phases);
    }

    [Fact]
    public async Task Status_AwardedAndCancelled_AreListedWithTheirPhase_AndDraftsNever()
    {
        var awarded = await Call().Titled("Нәтижесүзгі марапат", "Итогфильтр награждён").Window(Now.AddDays(-60), Now.AddDays(-30)).Awarded().SaveAsync();
        var cancelled = await Call().Titled("Нәтижесүзгі тоқтатылды", "Итогфильтр отменён").Cancelled("Қаржыландыру қысқарды / сокращение финансирования").SaveAsync();
        await Call().Titled("Нәтижесүзгі жоба", "Итогфильтр черновик").Draft().SaveAsync();

        var all = await SearchAsync(new GetCallCatalogueQuery("итогфильтр"));
        var onlyAwarded = await SearchAsync(new GetCallCatalogueQuery("итогфильтр", Status: CallPhase.Awarded));
        var onlyCancelled = await SearchAsync(new GetCallCatalogueQuery("итогфильтр", Status: CallPhase.Cancelled));
        var askedForDrafts = await app.SendAsync(new GetCallCatalogueQuery("итогфильтр", Status: CallPhase.Draft));

        Assert.Equal(2, all.Results.TotalCount);
        Assert.DoesNotContain(all.Results.Items, i => i.Title.Ru.Contains("черновик", StringComparison.Ordinal));
        Assert.Equal(CallPhase.Awarded, Assert.Single(onlyAwarded.Results.Items, i => i.Id == awarded.Id.Value).Phase);
        Assert.Equal(CallPhase.Cancelled, Assert.Single(onlyCancelled.Results.Items, i => i.Id == cancelled.Id.Value).Phase);
        Assert.Equal(ResultStatus.Invalid, askedForDrafts.Status);
    }

    [Fact]
    public async Task Sort_ByNewestDeadlineAndBudget_OrdersTheRows()
    {
        var now = Now;
        var soon = await Call().Titled("Реттеусүзгі жақын", "Сортфильтр скоро").Window(now.AddDays(-2), now.AddDays(3)).PublishedAt(now.AddDays(-3)).WithBudget(30_000_000m).SaveAsync();
        var later = await Call().Titled("Реттеусүзгі кейін", "Сортфильтр позже").Window(now.AddDays(-1), now.AddDays(20)).PublishedAt(now.AddDays(-1)).WithBudget(10_000_000m).SaveAsync();
        var past = await Call().Titled("Реттеусүзгі өтті", "Сортфильтр прошёл").Window(now.AddDays(-40), now.AddDays(-10)).PublishedAt(now.AddDays(-41)).WithBudget(50_000_000m).SaveAsync();

        var newest = await SearchAsync(new GetCallCatalogueQuery("сортфильтр", Sort: CatalogueSort.Newest));
        var deadline = await SearchAsync(new GetCallCatalogueQuery("сортфильтр", Sort: CatalogueSort.Deadline));
        var budget = await SearchAsync(new GetCallCatalogueQuery("сортфильтр", Sort: CatalogueSort.Budget));

        Assert.Equal([later.Id.Value, soon.Id.Value, past.Id.Value], newest.Results.Items.Select(i => i.Id));
        Assert.Equal([soon.Id.Value, later.Id.Value, past.Id.Value], deadline.Results.Items.Select(i => i.Id));
        Assert.Equal([past.Id.Value, soon.Id.Value, later.Id.Value], budget.Results.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Paging_TwentyFiveMatches_GivesTwentyThenFiveWithTheTotalCount()
    {
        for (var i = 0; i < 25; i++)
        {
            await Call().Titled($"Беттеусүзгі {i}", $"Страницафильтр {i}").WithBudget(1_000_000m + i).SaveAsync();
        }

        var first = await SearchAsync(new GetCallCatalogueQuery("страницафильтр", Sort: CatalogueSort.Budget));
        var second = await SearchAsync(new GetCallCatalogueQuery("страницафильтр", Sort: CatalogueSort.Budget, Page: 2));
        var beyond = await SearchAsync(new GetCallCatalogueQuery("страницафильтр", Page: 9));

        Assert.Equal((20, 25, 2), (first.Results.Items.Count, first.Results.TotalCount, first.Results.TotalPages));
        Assert.Equal((5, 25, 2), (second.Results.Items.Count, second.Results.TotalCount, second.Results.Page));
        Assert.Empty(first.Results.Items.Select(i => i.Id).Intersect(second.Results.Items.Select(i => i.Id)));
        Assert.Equal(1_000_024m, first.Results.Items[0].Budget);
        Assert.Equal(1_000_000m, second.Results.Items[^1].Budget);
        Assert.Empty(beyond.Results.Items);
    }

    [Fact]
    public async Task Catalogue_OffersEveryRegionAndPriorityAreaForTheFilters()
    {
        var page = await SearchAsync(new GetCallCatalogueQuery("ешнәрсетабылмайды"));

        Assert.Equal(0, page.Results.TotalCount);
        Assert.Equal(20, page.Regions.Count);
        Assert.Contains(page.PriorityAreas, a => a.Code == "YOUTH");
        Assert.Equal(app.Clock.GetUtcNow(), page.Now);
    }

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private PublicCallBuilder Call() => new(app);

    private async Task<CataloguePage> SearchAsync(GetCallCatalogueQuery query)
    {
        var result = await app.SendAsync(query);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Code)));
        return result.Value;
    }
}
