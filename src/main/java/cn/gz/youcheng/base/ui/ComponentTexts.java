package cn.gz.youcheng.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/**
 * The texts Vaadin's components bring of their own (a date picker's month names and buttons, an upload's
 * prompts and errors), in the visitor's language: the components ship them in English only. The dates
 * themselves follow the component's locale.
 */
public final class ComponentTexts {

    private ComponentTexts() {
    }

    public static DatePicker dates(DatePicker picker) {
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(list(picker, "datepicker.months"))
                .setWeekdays(list(picker, "datepicker.weekdays"))
                .setWeekdaysShort(list(picker, "datepicker.weekdays-short"))
                .setFirstDayOfWeek(Integer.parseInt(picker.getTranslation("datepicker.first-day")))
                .setToday(picker.getTranslation("datepicker.today"))
                .setCancel(picker.getTranslation("datepicker.cancel"))
                .setBadInputErrorMessage(picker.getTranslation("datepicker.bad-input")));
        return picker;
    }

    public static Upload upload(Upload upload) {
        UploadI18N i18n = new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(text(upload, "upload.add")).setMany(text(upload, "upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(text(upload, "upload.drop")).setMany(text(upload, "upload.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(text(upload, "upload.too-many"))
                        .setFileIsTooBig(text(upload, "upload.too-big"))
                        .setIncorrectFileType(text(upload, "upload.wrong-type")))
                .setFile(new UploadI18N.File().setRetry(text(upload, "upload.retry")).setStart(text(upload, "upload.start"))
                        .setRemove(text(upload, "upload.remove")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(text(upload, "upload.connecting"))
                                .setStalled(text(upload, "upload.stalled")).setProcessing(text(upload, "upload.processing"))
                                .setHeld(text(upload, "upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(text(upload, "upload.remaining")).setUnknown(text(upload, "upload.remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(text(upload, "upload.server-unavailable"))
                                .setUnexpectedServerError(text(upload, "upload.server-error"))
                                .setForbidden(text(upload, "upload.forbidden"))
                                .setFileTooLarge(text(upload, "upload.too-big"))))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(i18n);
        return upload;
    }

    private static String text(Component component, String key) {
        return component.getTranslation(key);
    }

    private static List<String> list(Component component, String key) {
        return List.of(component.getTranslation(key).split("\\|"));
    }
}
