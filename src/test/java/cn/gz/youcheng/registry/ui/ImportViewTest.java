package cn.gz.youcheng.registry.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.importing.BulkImport;
import cn.gz.youcheng.security.Role;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AdminTest
class ImportViewTest extends KaribuTest {

    private static final String HEADER = "list,name_zh,name_en,country_iso2,continent,signed_on\n";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void openImport() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        login("import.clerk", Role.EDITOR);
        UI.getCurrent().navigate("admin/import");
    }

    @Test
    void aPreviewShowsEveryRowAndApplyingWritesThem() {
        upload("new-partners.csv", HEADER + "exchange,拉科鲁尼亚,A Coruña,ES,europe,2025-10-10\n");

        assertThat(text("import-summary")).isEqualTo("new-partners.csv: 1 new, 0 changed, 0 unchanged, 0 with errors.");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("import-rows")))).isEqualTo(1);
        Button apply = _get(Button.class, spec -> spec.withId("import-apply"));
        assertThat(apply.isEnabled()).isTrue();

        _get(ImportView.class, spec -> { }).applyFile();

        assertThat(text("import-summary")).isEqualTo("Applied new-partners.csv: 1 new and 0 changed partners.");
        assertThat(jdbc.sql("select name_en from partner where name_zh = '拉科鲁尼亚'").query(String.class).single())
                .isEqualTo("A Coruña");
    }

    @Test
    void aColleaguesChangeSincethePreviewIsShownAndNotOverwritten() {
        upload("first.csv", HEADER + "exchange,阿威罗,Aveiro,PT,europe,2024-09-09\n");
        _get(ImportView.class, spec -> { }).applyFile();
        upload("again.csv", HEADER + "exchange,阿威罗,Aveiro,PT,europe,2024-09-09\n");
        jdbc.sql("update partner set name_en = 'Aveiro (city)', version = version + 1 where name_zh = '阿威罗'").update();

        _get(ImportView.class, spec -> { }).applyFile();

        assertThat(text("import-summary")).startsWith("Someone changed partners in this file since your preview");
        assertThat(jdbc.sql("select name_en from partner where name_zh = '阿威罗'").query(String.class).single())
                .isEqualTo("Aveiro (city)");
        // Seen now, it can be applied on purpose.
        assertThat(_get(Button.class, spec -> spec.withId("import-apply")).isEnabled()).isTrue();
        _get(ImportView.class, spec -> { }).applyFile();
        assertThat(jdbc.sql("select name_en from partner where name_zh = '阿威罗'").query(String.class).single())
                .isEqualTo("Aveiro");
    }

    @Test
    void theUploadsOwnTextsAreInTheOfficersLanguage() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("admin/audit");
        UI.getCurrent().navigate("admin/import");

        com.vaadin.flow.component.upload.Upload upload = _get(com.vaadin.flow.component.upload.Upload.class,
                spec -> spec.withId("import-upload"));
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("上传文件…");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("将文件拖放到此处");
        assertThat(upload.getI18n().getError().getFileIsTooBig()).isEqualTo("文件过大");
    }

    @Test
    void aFileRefusedForItsSizeLeavesNothingOfTheFileBeforeToApply() {
        upload("small.csv", HEADER + "exchange,莱里亚,Leiria,PT,europe,2024-10-10\n");
        assertThat(_get(Button.class, spec -> spec.withId("import-apply")).isEnabled()).isTrue();

        _get(ImportView.class, spec -> { }).tooLarge();

        assertThat(text("import-summary")).isEqualTo("The file is too large.");
        assertThat(_get(Button.class, spec -> spec.withId("import-apply")).isEnabled()).isFalse();
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("import-rows")))).isZero();
    }

    @Test
    void aFileWithErrorsCannotBeApplied() {
        upload("dates.csv", HEADER + "exchange,塞维利亚,Seville,ES,europe,10/10/2025\n");

        assertThat(text("import-summary")).contains("1 with errors");
        assertThat(_get(Button.class, spec -> spec.withId("import-apply")).isEnabled()).isFalse();
        @SuppressWarnings("unchecked")
        Grid<BulkImport.Row> rows = _get(Grid.class, spec -> spec.withId("import-rows"));
        // As the officer reads it, in their language.
        assertThat(GridKt._getFormattedRow(rows, 0)).contains("signed_on: “10/10/2025” is not a date (yyyy-MM-dd)");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("admin/import");
        upload("dates.csv", HEADER + "exchange,塞维利亚,Seville,ES,europe,10/10/2025\n");
        @SuppressWarnings("unchecked")
        Grid<BulkImport.Row> inChinese = _get(Grid.class, spec -> spec.withId("import-rows"));
        assertThat(GridKt._getFormattedRow(inChinese, 0)).contains("signed_on：“10/10/2025”不是日期（yyyy-MM-dd）");
        assertThat(jdbc.sql("select count(*) from partner where name_zh = '塞维利亚'").query(Integer.class).single()).isZero();
    }

    @Test
    void aFileInAnotherEncodingIsRefusedWithAdvice() {
        _get(ImportView.class, spec -> { }).preview("excel.csv",
                (HEADER + "exchange,塞维利亚,Seville,ES,europe,2025-10-10\n").getBytes(java.nio.charset.Charset.forName("GBK")));

        assertThat(text("import-summary")).startsWith("The file is not UTF-8 text.");
    }

    private void upload(String name, String content) {
        _get(ImportView.class, spec -> { }).preview(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
