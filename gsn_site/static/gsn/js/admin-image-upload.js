// Admin image uploads: an image the site refuses comes back with status 400 and the view's usual
// answer (gsn_site.image_uploads). Wagtail's scripts treat any 4xx as a server error to report;
// here the refusal is shown where Wagtail shows a refused file, with the site's message.
document.addEventListener("DOMContentLoaded", () => {
  const $ = window.jQuery;
  if (!$) {
    return;
  }

  const answerOf = (jqXHR) => {
    if (jqXHR.status !== 400) {
      return null;
    }
    try {
      return JSON.parse(jqXHR.responseText);
    } catch {
      return null;
    }
  };

  // The chooser's upload tab: its answer (the form again, with the message) goes to Wagtail's own
  // success handler, which shows the form.
  $.ajaxPrefilter((options) => {
    const { success, error } = options;
    if (!success || !String(options.url).includes("/images/chooser/")) {
      return;
    }
    options.error = function handOverTheRefusal(jqXHR, ...rest) {
      const answer = answerOf(jqXHR);
      if (answer && answer.step) {
        success.call(this, jqXHR.responseText, "success", jqXHR);
      } else if (error) {
        error.call(this, jqXHR, ...rest);
      }
    };
  });

  // The multiple upload: the file's row shows the message as a refused file.
  const input = document.getElementById("fileupload");
  if (input) {
    $(input).on("fileuploadfail", (_event, data) => {
      const answer = answerOf(data.jqXHR);
      if (!answer || !answer.error_message) {
        return;
      }
      // Wagtail's own handler runs after this one and marks the row as a server error: undo that.
      window.setTimeout(() => {
        const row = $(data.context);
        row.removeClass("upload-server-error").addClass("upload-failure");
        row.find(".right .error_messages").text(answer.error_message);
      });
    });
  }
});
