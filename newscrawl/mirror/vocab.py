"""Words and names the seeded unseen-layout pages (markup.py) are made of.

The markup vocabulary comes from real article pages: the Arabic publishers in
tests/realpages/ (Youm7, Akhbar El Yom, Al Bayan, Alyaum, Assabah, Beirut Observer,
CNN Arabic, LBCI) and the 128 pages of many publishers and CMSs in shared
realpages-world (WordPress and its tagDiv/Tie/Penci themes, Drupal, ASP.NET, CSS-module
and utility-class front ends). The furniture texts are what those Arabic pages print
around an article: comment counters and posting rules, «اقرأ أيضاً» boxes, most-read
lists, share bars, app and newsletter prompts, copyright lines. Nothing here is tuned
to newscrawl's rules: the lists are broad on purpose, and a rule that matches only one
entry here is a rule for the mirror, not for the web.
"""

from __future__ import annotations

SITE = "إيلاف"

# ---------------------------------------------------------------- class and id names
# Containers that hold an article's paragraphs on real sites.
BODY = (
    "article-body", "article-content", "article-text", "article__body", "article__content", "article_text",
    "articleBody", "articleContent", "ArticleText", "article-details", "article-detail", "articledetails",
    "story-content", "story-body", "story-text", "story__body", "storyBody", "entry-content", "entry",
    "post-content", "post-body", "post-entry", "post_content", "td-post-content", "tdb-block-inner",
    "penci-entry-content", "single-content", "single-post-content", "the-content", "news-details",
    "news-content", "news-body", "news-text", "newsText", "news_text", "NewsDetails", "news-info-text",
    "details-body", "detail-content", "details", "content-text", "text-content", "txt-content", "body-text",
    "bodytext", "body-copy", "rich-text", "RichText", "textblock", "text-block", "main-text", "field-item",
    "field-items", "node-content", "item-content", "item-text", "wsw", "prose", "paywall", "text",
    "mainText", "khabar-text", "nass", "matn",
)
# Wrappers around the article and its parts.
WRAPPER = (
    "container", "container-fluid", "row", "col-md-8", "col-lg-8", "col-xs-8", "col-sm-12", "col-12",
    "main-content", "content-wrap", "content", "inner", "wrapper", "site-content", "page-content", "primary",
    "content-area", "site-main", "td-ss-main-content", "post-inner", "article-cont", "l-container",
    "main-column", "grid__main", "layout-content", "content-inner", "region-content", "zone-content",
    "block-inner", "detail-page", "article-page", "single-post", "post-wrap", "story-wrap", "main-section",
    "right-Content", "content-container", "page__main", "layoutArea", "col-main", "inside-article",
    "entry-content-wrap", "article-wrapper", "newsitem-main", "category-detail-left", "page-wrap",
    "holder", "box", "section-inner", "main-col", "middle-col", "pull-right", "float-right",
)
ARTICLE = (
    "article", "post", "story", "news-item", "post-listing", "article-main", "article-item", "single",
    "news-article", "article-entity", "story-article", "articlepage", "hentry", "type-post", "newsitem",
    "NewsDetailsBlock", "article-wrap", "post-single", "content-article", "khabar",
)
HEADLINE = (
    "entry-title", "post-title", "story-title", "news-title", "headline", "article__title", "article-heading",
    "title", "page-title", "single-title", "main-title", "tdb-title-text", "titleNews", "heading", "post-heading",
    "name post-title", "news-headline", "story-headline", "art-title", "detail-title",
)
HEADER = ("article-header", "entry-header", "post-header", "story-header", "articleHeader", "news-header",
          "article__header", "single-header", "title-area", "page-header", "head-article", "top-info")
DATE = ("date", "entry-date", "post-date", "published", "time", "article-date-time", "story-date", "newsStoryDate",
        "tie-date", "article-publishtime", "pub-date", "date-time", "meta-date", "timestamp", "updated",
        "c-byline__date", "news-date", "tarikh", "article__time")
META = ("post-meta", "entry-meta", "article-meta", "story-meta", "meta", "byline-wrapper", "info", "article-info",
        "news-info", "details-meta", "meta-info", "single-meta", "cs-entry__meta")
AUTHOR = ("author", "author-name", "byline", "writer", "writeBy", "kateb", "katib", "article-author",
          "byline__name", "author-info", "meta-author", "td-post-author-name", "post-author", "by-author",
          "story-author", "authorName", "reporter", "editor-name", "e-byline__author", "vcard author")
RELATED = ("related", "related-posts", "related-news", "related-articles", "RelatedNewsHead", "more-news",
           "more-stories", "articles-list", "mostread", "most-read", "most-viewed", "c-most-read", "popular",
           "trending", "TrendingNewBlock", "widget", "widget-posts", "sidebar-widget", "recommended",
           "ikhtarna", "you-may-like", "read-more-list", "stripe", "teasers", "list-news", "akhbar")
INLINE = ("read-also", "readAlso", "related-inline", "inline-related", "article-related", "rel-box",
          "see-also", "also-read", "iqra", "embed-related", "link-box", "suggest", "inread-link",
          "story-inline", "note", "box-more")
ADS = ("ad", "ads", "adv", "advert", "advertisement", "banner", "ad-slot", "mpu", "inread", "midAdv-cont",
       "ad-container", "gpt-ad", "dfp-slot", "sponsor", "i3lan", "ADonContent", "bgforads", "ads-box")
SHARE = ("share", "share-buttons", "share_icons", "social-share", "share-bar", "sharing", "a2a_kit",
         "NEwShare_Icons", "social", "share-tools", "addtoany_list", "post-share", "share-links",
         "mosharaka", "sm-share", "social-icons")
CRUMB = ("breadcrumb", "breadcrumbs", "breadcumb", "crumbs", "path", "nav-path", "site-path", "bread",
         "c-article-breadcrumbs", "trail", "location-bar")
FOOTER = ("footer", "site-footer", "theme-footer", "copyrights", "CopyRightTag", "bottom", "foot",
          "footer-bottom", "copy", "credits", "end-page")
TAGS = ("tags", "post-tags", "article-tags", "keywords", "tag-list", "topics", "related-topics", "wasm",
        "article_details_tags", "labels")
# Comment threads: named after comments or not at all.
THREAD = (
    "comments", "comments-area", "comment-list", "commentlist", "comments-list", "commentsList", "comment-wrapper",
    "reader-comments", "user-comments", "comments__section", "fig-comments", "talk", "reader-responses",
    "responses", "feedback", "discussion", "ta3liqat", "taaliqat", "ara2", "arae", "opinions", "reader-opinions",
    "readers", "qurraa", "voices", "community", "replies", "thread", "conversation", "posts-list", "mosharakat",
    "zuwwar", "visitors", "participations", "interaction", "layoutcommentmodule", "cmt-box", "cmts",
)
THREAD_ITEM = ("comment", "comment-body", "item", "entry", "reply", "post", "row", "msg", "ta3liq", "card",
               "response", "note", "fig-comment", "c-item", "cmt", "li-item", "opinion", "mosharaka")
SUFFIX_WORDS = ("main", "inner", "wrap", "box", "block", "container", "holder", "area", "section", "v2",
                "new", "single", "full", "outer", "content", "list")
UTILITY = ("clearfix", "clear", "rtl", "text-right", "mb-3", "mt-4", "p-0", "w-100", "d-flex", "relative",
           "col-12", "float-right", "pull-right", "no-padding", "position-relative", "fade-in", "animated")

# ---------------------------------------------------------------- furniture
SECTION_LABELS = {"News": "أخبار", "Politics": "سياسة", "Economics": "اقتصاد", "Sports": "رياضة",
                  "Oyoon": "ثقافات", "NewsPapers": "جريدة الجرائد", "Opinion": "آراء"}
NAV = ("الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "عربي ودولي", "محليات", "فن",
       "تكنولوجيا", "صحة", "مقالات", "الرأي", "فيديو", "صور", "كاريكاتير", "المزيد", "الأرشيف", "النسخة الرقمية",
       "آخر الأخبار", "عالم", "مجتمع", "سيارات", "المرأة", "علوم")
HOME = ("الرئيسية", "الصفحة الرئيسية", "الرئيسيه")
CRUMB_SEPARATORS = ("›", "»", "/", ">", "|", "«", "-")
READ_ALSO = ("اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا", "طالع أيضاً", "ذات صلة", "قد يهمك أيضاً",
             "اقرأ المزيد", "مواضيع متعلقة", "للمزيد", "شاهد أيضاً", "اقرأ كذلك", "يهمك أيضاً", "طالع كذلك")
RELATED_HEADINGS = ("أخبار ذات صلة", "مقالات ذات صلة", "الموضوعات المتعلقة", "مواضيع ذات علاقة", "اخترنا لك",
                    "اخترنا لكم", "ترشيحاتنا", "أخبار متعلقة", "آخر الأخبار", "المزيد من الأخبار", "قد يعجبك أيضاً",
                    "مواضيع قد تهمك", "أخبار أخرى", "شاهد أيضاً", "أحدث الأخبار", "مختارات المحرر")
MOST_READ = ("الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تصفحاً", "الأكثر تداولاً", "زوارنا يقرأون الآن",
             "الأكثر تعليقاً", "اكثر قراءة", "الأكثر قراءة اليوم", "الأكثر شعبية", "الأكثر رواجاً")
TICKER = ("عاجل", "شريط الأخبار", "آخر الأخبار", "أخبار عاجلة", "الآن", "خبر عاجل")
SHARE_LABELS = ("شارك", "مشاركة", "شارك الخبر", "مشاركه الخبر :", "شارك هذا المقال", "انشر على", "شارك عبر",
                "شارك المقال", "المشاركة")
SHARE_NETWORKS = ("فيسبوك", "تويتر", "واتساب", "تيليغرام", "لينكدإن", "إكس", "ماسنجر", "البريد الإلكتروني")
SHARE_TOOLS = ("نسخ الرابط", "طباعة", "أرسل لصديق", "تكبير الخط", "تصغير الخط", "استمع", "حفظ")
TAG_LABELS = ("الكلمات الدالة :", "كلمات مفتاحية:", "الوسوم:", "مواضيع:", "الكلمات المفتاحية", "وسوم")
TAG_WORDS = ("السعودية", "لبنان", "مصر", "العراق", "الاقتصاد", "الانتخابات", "كرة القدم", "الثقافة",
             "الأمم المتحدة", "الخليج", "النفط", "سوريا", "الأردن", "المغرب", "تونس", "الجزائر", "فلسطين",
             "إيران", "تركيا", "أوروبا", "الولايات المتحدة", "الطاقة", "التعليم", "الصحة", "السينما")
NEWSLETTER = ("اشترك في النشرة البريدية", "اشترك في نشرتنا الإخبارية ليصلك كل جديد",
              "سجل بريدك الإلكتروني لتصلك أهم الأخبار", "النشرة الإخبارية اليومية في بريدك",
              "اشترك الآن في نشرتنا البريدية")
NEWSLETTER_BUTTONS = ("اشترك", "اشترك الآن", "إشترك", "تسجيل")
NEWSLETTER_PLACEHOLDERS = ("أدخل بريدك الإلكتروني", "البريد الإلكتروني", "بريدك الإلكتروني")
APP = ("حمّل تطبيق {site} للهواتف الذكية", "حمل الآن تطبيق {site} للهواتف المحمولة",
       "تابعوا آخر الأخبار عبر تطبيقنا على أندرويد وآيفون", "تابعوا أخبار {site} عبر غوغل نيوز",
       "انضم إلى قناتنا على تيليغرام", "تابعونا على واتساب", "حمّل التطبيق الآن", "تابعونا على غوغل نيوز")
FOLLOW = ("تابعونا على", "تابعونا على تويتر وفيسبوك", "تابعوا آخر الأخبار عبر قناتنا على واتساب",
          "لمتابعة آخر الأخبار تابعونا على تيليغرام", "تابعوا {site} على منصة إكس")
COPYRIGHT = ("جميع الحقوق محفوظة © {year} {site}", "© الحقوق محفوظة لـ{site} 2001 - {year}",
             "© {year} حقوق النشر محفوظة لـ {site}", "جميع الحقوق محفوظة لموقع {site}",
             "© جميع الحقوق محفوظة لـ{site} {year}", "كل الحقوق محفوظة © {site} {year}")
COPYRIGHT_EXTRA = ("يحظر نشر أو توزيع أو طبع أي مادة دون إذن مسبق", "تم التصميم والتطوير بواسطة فريق التقنية",
                   "جميع المقالات تعبر عن رأي كتابها")
FOOTER_LINKS = ("من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا", "الأرشيف", "خريطة الموقع",
                "وظائف", "الخلاصات RSS", "للإعلان")
ADS_LABELS = ("إعلان", "مساحة إعلانية", "- إعلان -", "المحتوى الإعلاني", "إعلانات", "advertisement")
CAPTIONS = ("صورة أرشيفية", "صورة من الأرشيف", "أرشيفية - رويترز", "(أ ف ب)", "صورة تعبيرية", "(رويترز)",
            "أرشيفية", "الصورة من الأرشيف", "صورة متداولة", "(أ ب)")
READING_TIME = ("دقيقة للقراءة", "وقت القراءة: {n} دقائق", "{n} دقائق قراءة", "قراءة {n} دقائق")
UPDATED = ("آخر تحديث:", "تم التحديث:", "آخر تحديث", "حدث في:")
PUBLISHED = ("نشر في:", "تاريخ النشر:", "نُشر في", "نشر بتاريخ", "", "", "")
PREV_NEXT = (("المقال السابق", "المقال التالي"), ("السابق", "التالي"), ("الخبر السابق", "الخبر التالي"))

# ---------------------------------------------------------------- comments
COMMENT_COUNTERS = ("التعليقات ({n})", "{n} تعليق", "تعليقات القراء ({n})", "عدد التعليقات: {n}", "{n} تعليقات",
                    "التعليقات: {n}", "({n}) تعليق", "آراء القراء ({n})", "{n} تعليقاً")
NO_COMMENTS = ("لا توجد تعليقات على الخبر", "كن أول من يعلق", "لا توجد تعليقات بعد", "لا تعليقات")
COMMENT_HEADINGS = ("التعليقات", "تعليقات القراء", "آراء القراء", "شارك برأيك", "أضف تعليقك", "اترك تعليقاً",
                    "اضف تعليقاً واقرأ تعليقات القراء", "إضافة تعليق جديد", "اضف تعليق", "علّق على الخبر")
COMMENT_RULES = (
    "التعليقات المنشورة تعبر عن آراء أصحابها ولا تعبر بالضرورة عن رأي الموقع",
    "الآراء الواردة في التعليقات لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط",
    "يرجى الالتزام بآداب الحوار وعدم الإساءة للأشخاص أو المقدسات",
    "سيتم مراجعة تعليقك قبل نشره",
    "تم أضافة تعليقك سوف يظهر بعد المراجعة",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "شروط النشر: عدم الإساءة للكاتب أو للأشخاص أو للمقدسات أو مهاجمة الأديان، والابتعاد عن التحريض الطائفي",
    "بروتوكول نشر التعليقات",
    "ننصحك بمراجعة إرشادات الاستخدام قبل كتابة تعليقك",
)
FORM_LABELS = (("الاسم", "الاسم *", "اسمك", "الإسم"), ("البريد الإلكتروني", "البريد الإلكتروني *", "بريدك"),
               ("التعليق", "تعليقك", "تعليقك *", "نص التعليق", "اكتب تعليقك هنا"),
               ("عنوان التعليق", "العنوان"))
SUBMIT = ("إرسال", "ارسال", "إرسال التعليق", "أضف التعليق", "نشر التعليق", "أرسل")
REPLY = ("رد", "الرد", "رد على التعليق", "أضف رداً")
SAYS = ("قال:", "يقول:", "كتب:", "")
LIKES = ("أعجبني", "لم يعجبني", "إبلاغ", "مشاركة")

# ---------------------------------------------------------------- datelines
# Places as wire services and newspapers print them, Arab and world, a few in the
# «city، country» form.
CITIES = (
    "بيروت", "دمشق", "القاهرة", "الرياض", "جدة", "الكويت", "الدوحة", "المنامة", "مسقط", "أبوظبي", "أبو ظبي",
    "دبي", "الشارقة", "عمّان", "عمان", "بغداد", "البصرة", "الموصل", "أربيل", "القدس", "رام الله", "غزة", "نابلس",
    "عدن", "صنعاء", "الحديدة", "مأرب", "الخرطوم", "أم درمان", "طرابلس", "بنغازي", "مصراتة", "تونس", "صفاقس",
    "الجزائر", "وهران", "قسنطينة", "الرباط", "الدار البيضاء", "مراكش", "طنجة", "نواكشوط", "مقديشو", "جيبوتي",
    "حلب", "حمص", "اللاذقية", "إدلب", "صيدا", "صور", "زحلة", "الإسكندرية", "أسوان", "الأقصر", "شرم الشيخ",
    "بورسعيد", "طهران", "أنقرة", "إسطنبول", "باريس", "لندن", "واشنطن", "نيويورك", "موسكو", "برلين", "روما",
    "مدريد", "جنيف", "فيينا", "بروكسل", "بكين", "طوكيو", "نيودلهي", "إسلام آباد", "كابول", "أثينا", "نيقوسيا",
    "الفاتيكان", "ستوكهولم", "لاهاي", "كييف", "باكو", "كوالالمبور", "جاكرتا", "سيدني", "أوتاوا", "لوس أنجليس",
    "نيروبي", "أديس أبابا", "داكار", "المكلا", "تعز", "السليمانية", "كركوك", "النجف", "الظهران", "الدمام",
    "تبوك", "العقبة", "إربد", "سرت", "الفاشر", "نيامي", "باماكو", "ميونيخ", "ميلانو", "مرسيليا", "بوسطن",
)
COUNTRIES = {"دمشق": "سوريا", "بيروت": "لبنان", "القاهرة": "مصر", "بغداد": "العراق", "الرياض": "السعودية",
             "غزة": "فلسطين", "الخرطوم": "السودان", "طرابلس": "ليبيا", "صنعاء": "اليمن", "عمّان": "الأردن",
             "تونس": "تونس", "الرباط": "المغرب", "أنقرة": "تركيا", "طهران": "إيران", "واشنطن": "الولايات المتحدة"}
AGENCIES = ("أ ف ب", "رويترز", "أ ب", "د ب أ", "واس", "وام", "قنا", "سانا", "كونا", "بترا", "الأناضول", "شينخوا",
            "CNN", "بنا", "العمانية", "وفا", "ومع", "سبأ", "أ.ف.ب", "يو بي آي", "أ ش أ", "واج", "وات", "رويترز - أ ف ب")
PAPERS = ("الشرق الأوسط", "القدس العربي", "الحياة", "الخليج", "العرب", "إيلاف", "النهار", "الشروق", "البيان",
          "الأيام", "الوطن", "الصباح", "اليوم", "الجريدة", "القبس", "الرأي", "عكاظ", "الاتحاد", "المدن", "الأخبار")
DASHES = ("-", "–", "—", "ـ", "-")
# After an agency in parentheses CNN Arabic and others double the dash.
AGENCY_DASHES = DASHES + ("--",)

# ---------------------------------------------------------------- people
MALE = ("محمد", "أحمد", "خالد", "سامر", "يوسف", "عمر", "كريم", "طارق", "هشام", "وليد", "باسل", "جمال", "رامي",
        "فادي", "زياد", "ماجد", "عبدالله", "عبد الرحمن", "حسين", "علي", "مصطفى", "إبراهيم", "نبيل", "سليمان",
        "منير", "عادل", "حسام", "مروان", "أيمن", "صالح", "فيصل", "نادر", "إياد", "بلال", "غسان", "جورج", "إيلي")
FEMALE = ("سارة", "ريم", "نورا", "ليلى", "هبة", "رنا", "منى", "دينا", "أسماء", "فاطمة", "لينا", "جمانة", "نادين",
          "رشا", "سلمى", "هالة", "مريم", "نهى", "ياسمين", "آمال", "كلادس", "ميشلين", "رحاب", "إيمان")
FAMILY = ("الحسيني", "العتيبي", "المصري", "حداد", "الخطيب", "شقير", "بن علي", "الزعبي", "السويدي", "الشمري",
          "عبد الفتاح", "النجار", "يوسف", "الأنصاري", "القحطاني", "حلمي", "بو صعب", "العمري", "الكبيسي", "الدوسري",
          "عيسى", "صعب", "نصار", "الجبوري", "التميمي", "البرغوثي", "الشريف", "أبو العلا", "منصور", "الهاشمي",
          "العلي", "سعادة", "خوري", "الفاسي", "بن سالم", "الطرابلسي", "العنزي", "الرشيد", "الزين", "قاسم")
# Reader names as comment threads show them.
READERS = ("أبو محمد", "أبو خالد", "مواطن", "مواطن عربي", "سعودي", "مغربي حر", "ابن البلد", "متابع", "قارئ",
           "عراقي مغترب", "سامي", "نورة", "Ahmed", "Karim_75", "خالد العتيبي", "فاطمة الزهراء", "أم أحمد",
           "محمد من القاهرة", "ليبي", "زائر", "مراقب", "أبو فهد", "لبناني", "جزائري", "Sami.K", "الحقيقة",
           "عربي حر", "مصري", "Omar", "حسن", "ابو علي", "يمني", "سوري مهجر", "تونسي", "عابر سبيل",
           "فلسطيني", "Nour", "صوت الشعب", "متابع قديم", "ام يوسف", "د. سالم", "مهندس عمر")

# ---------------------------------------------------------------- smaller parts' names
SITE_HEADER = ("site-header", "header", "main-header", "theme-header", "top", "masthead", "header-wrap")
NAV_BAR = ("main-nav", "menu", "navbar", "nav", "main-menu", "menu-main", "sidenav-menu")
LOGO = ("logo", "site-logo", "brand", "navbar-brand", "sidenav-brand")
TICKER_BAR = ("ticker", "breaking", "news-bar", "urgent", "marquee", "head_brnews", "breaking-news")
CLOCK = ("clock", "today", "current-date", "date-now", "header-date")
FIGURE = ("article-image", "post-thumb", "wp-caption", "img-cont", "figure", "featured-image", "entry-image")
IMAGE_BOX = ("img-cont", "single-post-thumb", "image", "photo", "media", "main-img", "article-img")
CAPTION = ("img-cap", "caption", "credit", "photo-caption", "image-caption", "wp-caption-text")
UPDATED_BOX = ("updated", "modified", "last-update", "update-time")
READING_BOX = ("reading-time", "read-time", "min-read")
BODY_INNER = ("inner", "content-rules", "text", "body__inner-container", "wrap", "article-inner")
BODY_IDS = ("articleBody", "article-body", "post-body", "content", "newsText", "bodyText", "article_body")
PARAGRAPH = ("text", "p1", "MsoNormal", "paragraph", "body-text", "par")
DATELINE_BOX = ("dateline", "location", "city", "source", "news-source")
KICKER = ("category", "section", "kicker", "cat-label", "tag", "post-cat")
COUNT_LINK = ("comments-link", "comment-count", "cmt-count", "comments-number")
TITLE_BOX = ("page-title", "title-area", "single-header", "top-title", "article-top")
SIDEBAR = ("sidebar", "side", "widget-area", "col-md-4", "left-col", "secondary", "sidearea", "aside")
LIST_HEADING = ("title", "widget-title", "block-title", "head", "section-title", "stripe-line", "MoreReadsH4")
CARD = ("card", "item", "teaser", "post-item", "news-item", "article-bx", "entry-block-small")
LIST_ITEM = ("item", "row", "entry", "list-item")
NEWSLETTER_BOX = ("newsletter", "subscribe", "nashra", "signup", "mailing-list", "tie-newsletter")
APP_BOX = ("app-promo", "apps", "download-app", "follow-us", "google-news", "social-follow")
PREV_NEXT_BOX = ("post-navigation", "prev-next", "article-nav", "pager")
SHARE_LINK = ("btn", "share-btn", "icon", "s", "a2a_button")
# Comment threads' parts.
FORM_BOX = ("comment-respond", "respond", "add-comment", "addCommentBlock", "comment-form-box", "form-box",
            "post-reply", "article__comment-input-cont")
FORM_BOX_IDS = ("respond", "addCommentBlock", "commentForm-wrap", "add-comment")
FORM_IDS = ("commentform", "commentForm", "cform", "form-comment")
COMMENT_NAME = ("fn", "name", "user", "username", "author-name", "commentAuthor", "fig-comment__username")
COMMENT_DATE = ("date", "comment-date", "time", "commentDate", "meta", "fig-comment__date")
COMMENT_TEXT = ("comment-content", "text", "body", "commentText", "msg", "content", "txt", "fig-comment__text")
COMMENT_REPLY = ("comment-reply-link", "reply", "btn-reply")
COMMENT_HEAD = ("head", "meta", "info", "top", "comment-meta")
COMMENT_VOTES = ("votes", "actions", "tools")
COMMENT_LIST = ("comment-list", "commentlist", "list", "thread-list")
COMMENT_CHILDREN = ("children", "replies", "sub", "nested")
COMMENT_COUNTER = ("comments-title", "title", "count", "titleComment", "head", "fig-comments__title")
COMMENT_RULES_BOX = ("rules", "disclaimer", "note", "policy", "comments__section-disclaimer")
LOAD_MORE = ("load-more", "more", "comments-load")
LOAD_MORE_TEXTS = ("عرض المزيد من التعليقات", "المزيد من التعليقات", "تحميل المزيد")
THREAD_IDS = ("comments", "commentsList", "talk", "feedback", "respond-area", "disqus-wrap")
NEUTRAL_BOX = ("block", "box", "widget", "module", "component", "panel", "area")
BODY_CLASSES = ("single single-post", "article-page", "rtl", "post-template-default", "news-detail", "")
