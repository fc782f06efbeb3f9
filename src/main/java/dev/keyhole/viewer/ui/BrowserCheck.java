package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

@Tag("keyhole-browser-check")
@JsModule("./components/browser-check.ts")
@NpmPackage(value = "libsodium-wrappers-sumo", version = "0.8.4")
class BrowserCheck extends Component {}
