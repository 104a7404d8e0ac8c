package dev.aksh.azure;

import com.azure.resourcemanager.resources.models.Subscription;
import dev.aksh.error.AkshException;
import dev.aksh.text.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The subscriptions the credential can see, and finding one by name or id. */
public final class SubscriptionService {
    private final AzureClients clients;

    public SubscriptionService(AzureClients clients) {
        this.clients = clients;
    }

    /** All subscriptions, every page, sorted by name. */
    public List<dev.aksh.azure.Subscription> list() {
        List<dev.aksh.azure.Subscription> out = new ArrayList<>();
        for (Subscription s : clients.resources().subscriptions().list()) {
            out.add(new dev.aksh.azure.Subscription(s.subscriptionId(), s.displayName(),
                    s.state() == null ? null : s.state().toString(), s.innerModel().tenantId()));
        }
        out.sort(Comparator.comparing((dev.aksh.azure.Subscription s) -> s.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Finds a subscription by id or by display name (case-insensitive); fails with the nearest names. */
    public dev.aksh.azure.Subscription resolve(String nameOrId) {
        List<dev.aksh.azure.Subscription> all = list();
        for (dev.aksh.azure.Subscription s : all) {
            if (s.id().equalsIgnoreCase(nameOrId)) {
                return s;
            }
        }
        List<dev.aksh.azure.Subscription> byName = all.stream().filter(s -> s.name().equalsIgnoreCase(nameOrId)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        if (byName.size() > 1) {
            throw AkshException.usage("several subscriptions are named '" + nameOrId + "'",
                    "use the id: " + String.join(", ", byName.stream().map(dev.aksh.azure.Subscription::id).toList()));
        }
        String near = Suggest.nearest(nameOrId, all.stream().map(dev.aksh.azure.Subscription::name).toList());
        throw AkshException.notFound("no subscription '" + nameOrId + "' is visible to this identity",
                near != null ? "did you mean '" + near + "'?" : "run 'subscription list' to see them");
    }
}
