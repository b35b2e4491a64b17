package fr.mel.opale.web.assets;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * How static files are served. {@code /assets/**} (Vite's output: every name carries a hash of its content) is
 * cached by browsers and proxies for a year without revalidation ({@code public, max-age=31536000, immutable}), and
 * answered from the pre-compressed {@code .br} or {@code .gz} file when the request accepts it
 * ({@code Vary: Accept-Encoding}). The other static files ({@code /css}, {@code /js}: names without hash) are
 * revalidated ({@code no-cache}: a 304 when unchanged) rather than never stored.
 */
@Configuration
class AssetConfiguration implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/")
                .setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/")
                .setCacheControl(CacheControl.noCache());
    }
}
