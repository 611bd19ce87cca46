namespace SocialOrder.Web.BrowserTests;

public sealed class ChromiumTests
{
    [Fact]
    public void Locate_WhenConfiguredPathDoesNotExist_FailsWithOneSentenceSayingHowToInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Chromium.Locate("/nonexistent/chromium-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(
            "Browser tests need Chromium: install it with 'apt-get install chromium' or set SOCIALORDER_CHROMIUM to its path.",
            error.Message);
    }

    [Fact]
    public void Locate_WhenConfiguredPathExists_ReturnsIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal(file, Chromium.Locate(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
